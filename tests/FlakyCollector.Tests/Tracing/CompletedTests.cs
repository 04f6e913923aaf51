using FlakyCollector.Recording;
using FlakyCollector.Payload;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

/// <summary>Finished tests as vstest reports them, for the span builder and the run tracer.</summary>
internal static class CompletedTests
{
    public const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    public const string SpanId = "b7ad6b7169203331";
    public const string Source = "/nonexistent/bin/Shop.Tests.dll";

    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static readonly Uri XunitExecutor = new("executor://xunit/VsTestRunner2/netcoreapp");

    public static CompletedTest Passed(string method = "Create") => new()
    {
        FullyQualifiedName = "Shop.Tests.OrdersTests." + method,
        DisplayName = $"Shop.Tests.OrdersTests.{method}(amount: 5)",
        Source = Source,
        ExecutorUri = XunitExecutor,
        Outcome = TestOutcome.Passed,
        StartTime = Start,
        EndTime = Start.AddMilliseconds(42),
        Duration = TimeSpan.FromMilliseconds(40),
    };

    public static CompletedTest Failed(string? message = "System.InvalidOperationException : Sequence contains no elements") => Passed() with
    {
        Outcome = TestOutcome.Failed,
        ErrorMessage = message,
        ErrorStackTrace = "   at Shop.Orders.Create() in /src/Orders.cs:line 12\n   at Shop.Tests.OrdersTests.Create()",
    };

    public static long UnixNano(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>What the test process recorded: the test's ids and exact timing, one child span.</summary>
    public static RecordedExecution Payload(string? exceptionType = null) => new()
    {
        TestSpan = new SpanData
        {
            TraceId = TraceId,
            SpanId = SpanId,
            Name = "Shop.Tests.OrdersTests.Create",
            StartTimeUnixNano = 1_700_000_000_000_000_000,
            EndTimeUnixNano = 1_700_000_000_250_000_000,
            ScopeName = "FlakyTrace.Test",
        },
        Timing = "hook",
        ExceptionType = exceptionType,
        ProcessId = 4242,
        Runtime = ".NET 10.0.1",
        Children =
        [
            new SpanData
            {
                TraceId = TraceId,
                SpanId = "00f067aa0ba902b7",
                ParentSpanId = SpanId,
                Name = "GET /orders",
                Kind = SpanKind.Client,
                StartTimeUnixNano = 1_700_000_000_010_000_000,
                EndTimeUnixNano = 1_700_000_000_020_000_000,
                ScopeName = "System.Net.Http",
            },
        ],
    };
}
