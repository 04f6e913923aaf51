using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

public sealed class RaceCauseDetectorTests
{
    private readonly RaceCauseDetector _detector = new(new AnalysisOptions());

    [Fact]
    public void Detect_WorkEndsAfterTestOnlyInFailingRuns_ReportsTheSpanAndByHowMuch()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 150).WithWork("SendConfirmation", 2, 170 + i)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed, durationMs: 150).WithWork("SendConfirmation", 2, 100 + i)).ToList();

        var hint = Assert.Single(_detector.Detect(new FlakySample("T", failing, passing)));

        Assert.Equal(CauseKind.Race, hint.Kind);
        Assert.Equal("SendConfirmation", hint.Evidence.Single(f => f.Name == "span").Value);
        Assert.Equal((6, 0), ((int)hint.Evidence.Single(f => f.Name == "failingRunsLate").Value, (int)hint.Evidence.Single(f => f.Name == "passingRunsLate").Value));
        Assert.Equal(22.5, hint.Evidence.Single(f => f.Name == "failingMedianLateMs").Value);
        Assert.Equal(40.5, hint.Evidence.Single(f => f.Name == "passingMedianMarginMs").Value);
        Assert.Contains("does not wait for work it started", hint.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_WorkOutlivesTestAsOftenInPassingRuns_ReportsNothing()
    {
        // A background flush that often outlives its test, whatever the outcome.
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed).WithWork("AuditLog.Flush", 95, i % 2 == 0 ? 110 : 98)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed).WithWork("AuditLog.Flush", 95, i % 2 == 0 ? 110 : 98)).ToList();

        Assert.Empty(_detector.Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Detect_SpanStartedBeforeTheTest_IsNotWorkTheTestStarted()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed).WithWork("fixture warm-up", -50, 300)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed).WithWork("fixture warm-up", -50, 50)).ToList();

        Assert.Empty(_detector.Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Detect_CollectorMarkedSpanLate_CountsAsLateEvenWithinTheTestsTime()
    {
        // Clocks of two processes may disagree; the collector's own mark is taken at its word.
        var failing = Enumerable.Range(0, 5).Select(i => Make("T", TestOutcome.Failed).WithWork("Publish", 10, 99, markedLate: true)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed).WithWork("Publish", 10, 60)).ToList();

        Assert.Equal(CauseKind.Race, Assert.Single(_detector.Detect(new FlakySample("T", failing, passing))).Kind);
    }
}
