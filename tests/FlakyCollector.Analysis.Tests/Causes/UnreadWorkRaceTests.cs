using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

/// <summary>A race whose read has no span: the work's end from the test's start separates.</summary>
public sealed class UnreadWorkRaceTests
{
    private readonly AnalysisOptions _options = new();

    [Fact]
    public void Race_InMemoryReadAndWorkThatStartsLate_IsRaceAgainstTheTestsStart()
    {
        // Under load the work starts late; in failing runs it ends 500-900 ms in, twice after the test
        // (which spent long on its failed assertion), in passing runs by 150 ms, well before the test's end.
        var failing = new[] { (400, 520, 900), (600, 800, 700), (100, 500, 800), (300, 650, 900), (450, 900, 850), (350, 560, 1000) }
            .Select(r => Make("T", TestOutcome.Failed, durationMs: r.Item3).WithSpan("PublishPriceChange", r.Item1, r.Item2)).ToList();
        var passing = Enumerable.Range(0, 16).Select(i => Make("T", TestOutcome.Passed, durationMs: 300 + (5 * i))
            .WithSpan("PublishPriceChange", 2 + i, 60 + (5 * i))).ToList();

        var hint = new RaceCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First();

        Assert.Equal(CauseKind.Race, hint.Kind);
        Assert.Equal("testStart", hint.Evidence.Single(f => f.Name == "measuredAgainst").Value);
        Assert.Equal(2, hint.Evidence.Single(f => f.Name == "failingRunsLate").Value);
    }

    [Fact]
    public void Race_SlowCallTheTestAwaited_IsNotARace()
    {
        // The call ends later in failing runs, but the test always outlives it: it waited for it.
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 1200 + i).WithSpan("LoadReport", 2, 1100 + i)).ToList();
        var passing = Enumerable.Range(0, 16).Select(i => Make("T", TestOutcome.Passed, durationMs: 300 + i).WithSpan("LoadReport", 2, 250 + i)).ToList();

        Assert.Empty(new RaceCauseDetector(_options).Detect(new FlakySample("T", failing, passing)));
    }
}
