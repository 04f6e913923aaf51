using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

/// <summary>Spans that exercise every field the encoders write.</summary>
internal static class SampleSpans
{
    public const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    public const string TestSpanId = "b7ad6b7169203331";
    public const string RunTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    public const string RunSpanId = "00f067aa0ba902b7";
    public const long Start = 1_700_000_000_123_456_789;

    public static IReadOnlyList<SpanAttribute> Resource { get; } =
    [
        new("service.name", "orders-tests"),
        new("process.pid", 4242L),
    ];

    /// <summary>A failed test: root span with every attribute kind, an exception event and a link.</summary>
    public static SpanData FailedTest() => new()
    {
        TraceId = TraceId,
        SpanId = TestSpanId,
        Name = "OrdersTests.Create(amount: 5)",
        Kind = SpanKind.Internal,
        StartTimeUnixNano = Start,
        EndTimeUnixNano = Start + 1_500_000,
        StatusCode = SpanStatusCode.Error,
        StatusMessage = "Assert.Equal() Failure\nExpected: 5\nActual:   4",
        ScopeName = "FlakyCollector",
        ScopeVersion = "0.1.0",
        Attributes =
        [
            new("test.case.name", "Orders.OrdersTests.Create(amount: 5)"),
            new("test.passed", false),
            new("test.flaky", true),
            new("code.line.number", 42L),
            new("test.attempt", 2),
            new("test.duration.ratio", 0.25),
            new("test.offset", -7L),
            new("test.max", long.MaxValue),
            new("test.empty", string.Empty),
            new("test.traits", new[] { "category=slow", "owner=payments" }),
        ],
        Events =
        [
            new("exception", Start + 1_000_000,
            [
                new("exception.type", "Xunit.Sdk.EqualException"),
                new("exception.message", "Assert.Equal() Failure"),
                new("exception.stacktrace", "   at Orders.OrdersTests.Create(Int32 amount)\n   at x"),
            ]),
        ],
        Links = [new(RunTraceId, RunSpanId, [new("flakytrace.link", "run")])],
    };

    /// <summary>A child HTTP span: other scope without version, client kind, unset status.</summary>
    public static SpanData HttpCall() => new()
    {
        TraceId = TraceId,
        SpanId = "1111111111111111",
        ParentSpanId = TestSpanId,
        Name = "GET",
        Kind = SpanKind.Client,
        StartTimeUnixNano = Start + 100,
        EndTimeUnixNano = Start + 200,
        ScopeName = "System.Net.Http",
        Attributes = [new("http.response.status_code", 503L)],
    };

    /// <summary>The bare minimum: nothing but the required fields.</summary>
    public static SpanData Minimal(int index = 0, string scope = "FlakyCollector") => new()
    {
        TraceId = TraceId,
        SpanId = index.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
        Name = "span " + index,
        StartTimeUnixNano = Start,
        EndTimeUnixNano = Start + 1,
        ScopeName = scope,
    };

    /// <summary><paramref name="count"/> spans with distinct ids, each carrying <paramref name="padding"/> characters.</summary>
    public static List<SpanData> Many(int count, int padding = 0) =>
        [.. Enumerable.Range(1, count).Select(i => Minimal(i) with
        {
            Attributes = padding == 0 ? [] : [new SpanAttribute("padding", new string('x', padding))],
        })];
}
