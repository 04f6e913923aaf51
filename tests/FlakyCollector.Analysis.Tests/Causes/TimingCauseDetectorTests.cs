using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

public sealed class TimingCauseDetectorTests
{
    private readonly TimingCauseDetector _detector = new(new AnalysisOptions());

    [Fact]
    public void Detect_ChildMuchSlowerInFailingRuns_ReportsThatChild()
    {
        var failing = Enumerable.Range(0, 8).Select(i => Make("T", TestOutcome.Failed, durationMs: 2100 + i).WithChild("SELECT orders", 2000 + i)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed, durationMs: 100 + i).WithChild("SELECT orders", 40 + i)).ToList();

        var hint = Assert.Single(_detector.Detect(new FlakySample("T", failing, passing)));

        Assert.Equal(CauseKind.Timing, hint.Kind);
        Assert.Equal("SELECT orders", hint.Evidence.Single(f => f.Name == "span").Value);
        Assert.Equal(1.0, hint.Evidence.Single(f => f.Name == "probabilityFailingSlower").Value);
        Assert.True((double)hint.Evidence.Single(f => f.Name == "ratio").Value > 40);
    }

    [Fact]
    public void Detect_OnlyTestItselfSlower_ReportsTheTest()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 5000 + i)).ToList();
        var passing = Enumerable.Range(0, 12).Select(i => Make("T", TestOutcome.Passed, durationMs: 100 + i)).ToList();

        var hint = Assert.Single(_detector.Detect(new FlakySample("T", failing, passing)));

        Assert.Equal("(test)", hint.Evidence.Single(f => f.Name == "span").Value);
    }

    [Fact]
    public void Detect_SlowerButWithinPassingSpread_ReportsNothing()
    {
        // Failing runs are a bit slower on average, but no slower than the slow tail of passing runs.
        var failing = Enumerable.Range(0, 10).Select(i => Make("T", TestOutcome.Failed, durationMs: 120 + (i * 10))).ToList();
        var passing = Enumerable.Range(0, 30).Select(i => Make("T", TestOutcome.Passed, durationMs: 100 + (i * 10))).ToList();

        Assert.Empty(_detector.Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Detect_TooFewFailures_ReportsNothing()
    {
        var failing = new[] { Make("T", TestOutcome.Failed, durationMs: 9000) };
        var passing = Enumerable.Range(0, 5).Select(i => Make("T", TestOutcome.Passed, durationMs: 100 + i)).ToList();

        Assert.Empty(_detector.Detect(new FlakySample("T", failing, passing)));
    }
}
