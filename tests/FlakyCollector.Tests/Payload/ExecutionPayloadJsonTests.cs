using FlakyCollector.Recording;
using System.Text.Json;
using FlakyCollector.Payload;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Payload;

public sealed class ExecutionPayloadJsonTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string OtherTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public void RoundTrip_FullPayload_EveryFieldKept()
    {
        var payload = new RecordedExecution
        {
            TestSpan = TestSpan(),
            Timing = "hook",
            ExceptionType = "System.InvalidOperationException",
            ProcessId = 4242,
            Runtime = ".NET 10.0.1",
            Children = [Child("GET /orders", "00f067aa0ba902b7"), Child("SELECT orders", "1111111111111111")],
            Detached = [Detached()],
            Warnings = ["first", "second \"quoted\"\nline"],
        };

        var read = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(payload));

        Assert.Equal("hook", read.Timing);
        Assert.Equal("System.InvalidOperationException", read.ExceptionType);
        Assert.Equal(4242, read.ProcessId);
        Assert.Equal(".NET 10.0.1", read.Runtime);
        AssertSameSpan(payload.TestSpan, read.TestSpan);
        Assert.Equal(2, read.Children.Count);
        AssertSameSpan(payload.Children[0], read.Children[0]);
        AssertSameSpan(payload.Children[1], read.Children[1]);
        AssertSameSpan(payload.Detached[0], Assert.Single(read.Detached));
        Assert.Equal(payload.Warnings, read.Warnings);
    }

    [Fact]
    public void RoundTrip_Child_ParentIdKindAndStatusKept()
    {
        var read = RoundTripChild(Child("GET /orders", "00f067aa0ba902b7"));

        Assert.Equal("b7ad6b7169203331", read.ParentSpanId);
        Assert.Equal(SpanKind.Client, read.Kind);
        Assert.Equal(SpanStatusCode.Error, read.StatusCode);
        Assert.Equal("503 Service Unavailable", read.StatusMessage);
        Assert.Equal("System.Net.Http", read.ScopeName);
        Assert.Equal("8.0.0", read.ScopeVersion);
    }

    [Fact]
    public void RoundTrip_AttributeTypes_ValuesAndTypesKept()
    {
        var span = TestSpan() with
        {
            Attributes =
            [
                new("text", "héllo \"world\""),
                new("flag", true),
                new("off", false),
                new("count", 9_007_199_254_740_993L),
                new("small", 7),
                new("ratio", 0.1),
                new("negative", -2.5e-300),
                new("tags", new[] { "a", "b,c", string.Empty }),
            ],
        };

        var attributes = RoundTripChild(span).Attributes;

        Assert.Equal(["text", "flag", "off", "count", "small", "ratio", "negative", "tags"], attributes.Select(a => a.Key));
        Assert.Equal("héllo \"world\"", Assert.IsType<string>(attributes.ValueOf("text")));
        Assert.True(Assert.IsType<bool>(attributes.ValueOf("flag")));
        Assert.False(Assert.IsType<bool>(attributes.ValueOf("off")));
        Assert.Equal(9_007_199_254_740_993L, Assert.IsType<long>(attributes.ValueOf("count")));
        Assert.Equal(7L, Assert.IsType<long>(attributes.ValueOf("small")));
        Assert.Equal(0.1, Assert.IsType<double>(attributes.ValueOf("ratio")));
        Assert.Equal(-2.5e-300, Assert.IsType<double>(attributes.ValueOf("negative")));
        Assert.Equal(["a", "b,c", string.Empty], Assert.IsType<string[]>(attributes.ValueOf("tags")));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RoundTrip_NonFiniteDouble_Kept(double value)
    {
        var span = TestSpan() with { Attributes = [new("ratio", value)] };

        var read = RoundTripChild(span);

        Assert.Equal(value, Assert.IsType<double>(read.Attributes.ValueOf("ratio")));
    }

    [Fact]
    public void RoundTrip_EventsAndLinks_Kept()
    {
        var span = TestSpan() with
        {
            Events =
            [
                new SpanEventData("exception", 1_700_000_000_200_000_000, [new("exception.type", "System.TimeoutException"), new("retries", 3L)]),
                new SpanEventData("checkpoint", 1_700_000_000_100_000_000, []),
            ],
            Links = [new SpanLinkData(OtherTraceId, "00f067aa0ba902b7", [new("link.reason", "run"), new("sampled", true)])],
        };

        var read = RoundTripChild(span);

        Assert.Equal(2, read.Events.Count);
        Assert.Equal("exception", read.Events[0].Name);
        Assert.Equal(1_700_000_000_200_000_000, read.Events[0].TimeUnixNano);
        Assert.Equal("System.TimeoutException", read.Events[0].Attributes.ValueOf("exception.type"));
        Assert.Equal(3L, read.Events[0].Attributes.ValueOf("retries"));
        Assert.Equal("checkpoint", read.Events[1].Name);
        Assert.Empty(read.Events[1].Attributes);
        var link = Assert.Single(read.Links);
        Assert.Equal(OtherTraceId, link.TraceId);
        Assert.Equal("00f067aa0ba902b7", link.SpanId);
        Assert.Equal("run", link.Attributes.ValueOf("link.reason"));
        Assert.Equal(true, link.Attributes.ValueOf("sampled"));
    }

    [Fact]
    public void RoundTrip_NullOptionalFields_StayNull()
    {
        var payload = new RecordedExecution { ProcessId = 1 };

        var read = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(payload));

        Assert.Null(read.TestSpan);
        Assert.Null(read.ExceptionType);
        Assert.Null(read.Runtime);
        Assert.Equal("none", read.Timing);
        Assert.Empty(read.Children);
        Assert.Empty(read.Detached);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void RoundTrip_SpanWithoutOptionalFields_StayNull()
    {
        var read = RoundTripChild(TestSpan());

        Assert.Null(read.ParentSpanId);
        Assert.Null(read.StatusMessage);
        Assert.Null(read.ScopeVersion);
        Assert.Equal(SpanStatusCode.Unset, read.StatusCode);
        Assert.Empty(read.Attributes);
        Assert.Empty(read.Events);
        Assert.Empty(read.Links);
    }

    [Fact]
    public void Write_Any_SingleLineJsonWithVersion()
    {
        var json = ExecutionPayloadJson.Write(new RecordedExecution { TestSpan = TestSpan(), Warnings = ["a\nb"] });

        Assert.DoesNotContain('\n', json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("v").GetInt32());
    }

    private static SpanData RoundTripChild(SpanData span) =>
        Assert.Single(ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(new RecordedExecution { Children = [span] })).Children);

    private static SpanData TestSpan() => new()
    {
        TraceId = TraceId,
        SpanId = "b7ad6b7169203331",
        Name = "Shop.Tests.OrdersTests.Create",
        StartTimeUnixNano = 1_700_000_000_000_000_000,
        EndTimeUnixNano = 1_700_000_000_250_000_000,
        ScopeName = "FlakyTrace.Test",
    };

    private static SpanData Child(string name, string spanId) => new()
    {
        TraceId = TraceId,
        SpanId = spanId,
        ParentSpanId = "b7ad6b7169203331",
        Name = name,
        Kind = SpanKind.Client,
        StartTimeUnixNano = 1_700_000_000_010_000_000,
        EndTimeUnixNano = 1_700_000_000_020_000_000,
        StatusCode = SpanStatusCode.Error,
        StatusMessage = "503 Service Unavailable",
        ScopeName = "System.Net.Http",
        ScopeVersion = "8.0.0",
        Attributes = [new("http.request.method", "GET"), new("http.response.status_code", 503L)],
    };

    private static SpanData Detached() => new()
    {
        TraceId = OtherTraceId,
        SpanId = "2222222222222222",
        Name = "fixture setup",
        Kind = SpanKind.Internal,
        StartTimeUnixNano = 1_699_999_999_000_000_000,
        EndTimeUnixNano = 1_699_999_999_500_000_000,
        ScopeName = "MyCompany.Fixtures",
    };

    private static void AssertSameSpan(SpanData? expected, SpanData? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.TraceId, actual.TraceId);
        Assert.Equal(expected.SpanId, actual.SpanId);
        Assert.Equal(expected.ParentSpanId, actual.ParentSpanId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.StartTimeUnixNano, actual.StartTimeUnixNano);
        Assert.Equal(expected.EndTimeUnixNano, actual.EndTimeUnixNano);
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.StatusMessage, actual.StatusMessage);
        Assert.Equal(expected.ScopeName, actual.ScopeName);
        Assert.Equal(expected.ScopeVersion, actual.ScopeVersion);
        Assert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(expected.Events.Count, actual.Events.Count);
        Assert.Equal(expected.Links.Count, actual.Links.Count);
    }
}
