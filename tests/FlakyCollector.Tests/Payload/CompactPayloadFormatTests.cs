using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Payload;

/// <summary>The compact form, reached through <see cref="ExecutionPayloadJson"/> as the collector and logger use it.</summary>
public sealed class CompactPayloadFormatTests
{
    [Fact]
    public void Write_TestSpanWithStringAttributes_CompactFormWithoutQuotes()
    {
        var text = ExecutionPayloadJson.Write(Payload(TestSpan()));

        Assert.StartsWith("1|", text, StringComparison.Ordinal);
        Assert.DoesNotContain('"', text);
    }

    [Fact]
    public void RoundTrip_CompactForm_EveryFieldKept()
    {
        var span = TestSpan() with
        {
            ParentSpanId = "00f067aa0ba902b7",
            Name = "Add(a: \"1|2\", b: 3:4; -5) ünïcode\n",
            Kind = SpanKind.Server,
            StatusCode = SpanStatusCode.Error,
            StatusMessage = "-",
            ScopeVersion = "1.0.0",
            Attributes = [new("flakytrace.test.key", "Shop.Tests.Add"), new("empty", string.Empty), new("9:x", "-1;")],
        };
        var payload = Payload(span) with { ExceptionType = "Xunit.Sdk.EqualException", Runtime = ".NET 10.0.1", Timing = "hook", ProcessId = 4242 };

        var read = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(payload));

        Assert.Equal("hook", read.Timing);
        Assert.Equal(4242, read.ProcessId);
        Assert.Equal(".NET 10.0.1", read.Runtime);
        Assert.Equal("Xunit.Sdk.EqualException", read.ExceptionType);
        Assert.NotNull(read.TestSpan);
        Assert.Equal(span with { Attributes = [] }, read.TestSpan with { Attributes = [] });
        Assert.Equal(span.Attributes, read.TestSpan.Attributes);
        Assert.Empty(read.Children);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void RoundTrip_NullOptionalFields_StayNull()
    {
        var read = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(Payload(TestSpan()) with { Runtime = null }));

        Assert.Null(read.Runtime);
        Assert.Null(read.ExceptionType);
        Assert.Null(read.TestSpan!.ParentSpanId);
        Assert.Null(read.TestSpan.StatusMessage);
        Assert.Null(read.TestSpan.ScopeVersion);
    }

    [Fact]
    public void Write_PayloadWithChildren_FallsBackToJson()
    {
        var child = TestSpan() with { SpanId = "1111111111111111", ParentSpanId = "b7ad6b7169203331" };

        var text = ExecutionPayloadJson.Write(Payload(TestSpan()) with { Children = [child] });

        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Single(ExecutionPayloadJson.Read(text).Children);
    }

    [Fact]
    public void Write_NonStringAttribute_FallsBackToJsonAndKeepsType()
    {
        var text = ExecutionPayloadJson.Write(Payload(TestSpan() with { Attributes = [new("retries", 3L)] }));

        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Equal(3L, ExecutionPayloadJson.Read(text).TestSpan!.Attributes.ValueOf("retries"));
    }

    [Theory]
    [InlineData("1|")]
    [InlineData("1|4:hook")]
    [InlineData("1|4:hook1;-")]
    [InlineData("1|99:hook;")]
    public void Read_TruncatedCompactForm_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ExecutionPayloadJson.Read(text));
    }

    [Fact]
    public void Read_TrailingData_ThrowsFormatException()
    {
        var text = ExecutionPayloadJson.Write(Payload(TestSpan()));

        Assert.Throws<FormatException>(() => ExecutionPayloadJson.Read(text + "0;"));
    }

    private static RecordedExecution Payload(SpanData span) => new() { TestSpan = span, Timing = "hook", ProcessId = 7, Runtime = ".NET 10.0.0" };

    private static SpanData TestSpan() => new()
    {
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        SpanId = "b7ad6b7169203331",
        Name = "Shop.Tests.OrdersTests.Create",
        StartTimeUnixNano = 1_700_000_000_000_000_000,
        EndTimeUnixNano = 1_700_000_000_250_000_000,
        ScopeName = "FlakyTrace.Test",
        Attributes = [new("flakytrace.test.key", "Shop.Tests.OrdersTests.Create")],
    };
}
