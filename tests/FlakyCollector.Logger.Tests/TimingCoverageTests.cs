using FlakyCollector.Logging;
using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Logger.Tests;

public sealed class TimingCoverageTests
{
    [Fact]
    public void Warnings_AssemblyWithNoTestTimedFromInside_IsNamedOnce()
    {
        var coverage = new TimingCoverage();
        coverage.Add(Test("/bin/Orders.Tests.dll", "collector"));
        coverage.Add(Test("/bin/Orders.Tests.dll", null));
        coverage.Add(Test("/bin/Billing.Tests.dll", "hook"));
        coverage.Add(Test("/bin/Billing.Tests.dll", null));

        var warning = Assert.Single(coverage.Warnings());
        Assert.StartsWith("the 2 tests of Orders.Tests.dll were timed from the test framework's events", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_OneTest_SaysTheTest()
    {
        var coverage = new TimingCoverage();
        coverage.Add(Test("/bin/Orders.Tests.dll", "collector"));

        Assert.StartsWith("the test of Orders.Tests.dll was timed from the test framework's events", Assert.Single(coverage.Warnings()), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_SkippedTestsOnly_SayNothing()
    {
        var coverage = new TimingCoverage();
        coverage.Add(Test("/bin/Orders.Tests.dll", null) with { Outcome = TestOutcome.Skipped });

        Assert.Empty(coverage.Warnings());
    }

    private static CompletedTest Test(string source, string? timing) => new()
    {
        FullyQualifiedName = "Orders.Tests.Cart.Adds",
        DisplayName = "Adds",
        Source = source,
        Outcome = TestOutcome.Passed,
        Payload = timing is null ? null : new RecordedExecution
        {
            Timing = timing,
            TestSpan = new SpanData { TraceId = "0af7651916cd43dd8448eb211c80319c", SpanId = "b7ad6b7169203331", Name = "Adds", StartTimeUnixNano = 1, EndTimeUnixNano = 2, ScopeName = "FlakyTrace" },
        },
    };
}
