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
    public void RoundTrip_CompactForm_IdsTimingAndProcessFactsKept()
    {
        var span = TestSpan() with { Name = "Add(a: \"1|2\", b: 3:4; -5) ünïcode\n", ParentSpanId = "00f067aa0ba902b7" };
        var payload = Payload(span) with { ExceptionType = "Xunit.Sdk.EqualException", Runtime = ".NET 10.0.1 | 9:x;", Timing = "hook", ProcessId = 4242 };

        var read = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(payload));

        Assert.Equal("hook", read.Timing);
        Assert.Equal(4242, read.ProcessId);
        Assert.Equal(".NET 10.0.1 | 9:x;", read.Runtime);
        Assert.Equal("Xunit.Sdk.EqualException", read.ExceptionType);
        Assert.NotNull(read.TestSpan);
        Assert.Equal(span.TraceId, read.TestSpan.TraceId);
        Assert.Equal(span.SpanId, read.TestSpan.SpanId);
        Assert.Equal(span.StartTimeUnixNano, read.TestSpan.StartTimeUnixNano);
        Assert.Equal(span.EndTimeUnixNano, read.TestSpan.EndTimeUnixNano);
        Assert.Empty(read.Children);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void RoundTrip_OneExceptionThrown_TypeAndMessageKeptInTheCompactForm()
    {
        var payload = Payload(TestSpan()) with { Exceptions = [new RecordedException("Xunit.Sdk.EqualException", "Assert.Equal() Failure: 1|2")] };

        var text = ExecutionPayloadJson.Write(payload);
        var read = ExecutionPayloadJson.Read(text);

        Assert.StartsWith("1|", text, StringComparison.Ordinal);
        Assert.Equal(payload.Exceptions, read.Exceptions);
    }

    [Fact]
    public void RoundTrip_TestSpanWithFixtureLinks_JsonKeepsTheLinks()
    {
        var link = new SpanLinkData("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", [new("flakytrace.link.type", "fixture")]);
        var payload = Payload(TestSpan() with { Links = [link] });

        var text = ExecutionPayloadJson.Write(payload);
        var read = ExecutionPayloadJson.Read(text);

        Assert.False(text.StartsWith("1|", StringComparison.Ordinal), "the compact form carries no links");
        var kept = Assert.Single(read.TestSpan!.Links);
        Assert.Equal((link.TraceId, link.SpanId), (kept.TraceId, kept.SpanId));
    }

    [Fact]
    public void RoundTrip_SeveralExceptionsThrown_JsonKeepsThemInOrder()
    {
        var payload = Payload(TestSpan()) with
        {
            Exceptions = [new RecordedException("NUnit.Framework.AssertionException", "  Expected: 503\n  But was:  200"), new RecordedException("System.ObjectDisposedException", null)],
        };

        var text = ExecutionPayloadJson.Write(payload);
        var read = ExecutionPayloadJson.Read(text);

        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Equal(payload.Exceptions, read.Exceptions);
    }

    [Fact]
    public void Write_TestSpan_OnlyWhatTheLoggerTakesFromIt()
    {
        var text = ExecutionPayloadJson.Write(Payload(TestSpan()));

        Assert.DoesNotContain("Shop.Tests.OrdersTests.Create", text, StringComparison.Ordinal);
        Assert.Equal("1|4:hook7;11:.NET 10.0.0--32:0af7651916cd43dd8448eb211c80319c16:b7ad6b71692033311700000000000000000;250000000;", text);
    }

    [Fact]
    public void RoundTrip_NullOptionalFields_StayNull()
    {
        var read = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(Payload(TestSpan()) with { Runtime = null }));

        Assert.Null(read.Runtime);
        Assert.Null(read.ExceptionType);
        Assert.Null(read.TestSpan!.ParentSpanId);
    }

    [Fact]
    public void Write_PayloadWithChildren_FallsBackToJson()
    {
        var child = TestSpan() with { SpanId = "1111111111111111", ParentSpanId = "b7ad6b7169203331" };

        var text = ExecutionPayloadJson.Write(Payload(TestSpan()) with { Children = [child] });

        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Single(ExecutionPayloadJson.Read(text).Children);
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
