using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

public sealed class ContentionCauseDetectorTests
{
    [Fact]
    public void Detect_FailsWhenRunIsBusy_ReportsConcurrency()
    {
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 30; run++)
        {
            var busy = run % 3 == 0;
            var target = Make("Target", busy ? TestOutcome.Failed : TestOutcome.Passed, startMs: 0, durationMs: 1000, run: $"r{run}");
            all.Add(target);
            (busy ? failing : passing).Add(target);
            // Busy runs have six tests alongside; quiet runs one, a different one each time.
            for (var i = 0; i < (busy ? 6 : 1); i++)
            {
                all.Add(Make($"Other{(busy ? i : (run % 5) + 10)}", TestOutcome.Passed, startMs: 10, durationMs: 980, run: $"r{run}"));
            }
        }

        var hint = new ContentionCauseDetector(new RunConcurrency(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Target", failing, passing)).First();

        Assert.Equal(CauseKind.Contention, hint.Kind);
        Assert.Contains(hint.Evidence, f => f.Name == "failingMedianConcurrency" && (double)f.Value > 5);
    }

    [Fact]
    public void Detect_FailsWhenOneTestOverlaps_ReportsThatTest()
    {
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 30; run++)
        {
            var overlap = run % 3 == 0;
            var target = Make("Target", overlap ? TestOutcome.Failed : TestOutcome.Passed, startMs: 0, durationMs: 100, run: $"r{run}");
            all.Add(target);
            (overlap ? failing : passing).Add(target);
            all.Add(Make("Partner", TestOutcome.Passed, startMs: overlap ? 50 : 300, durationMs: 100, run: $"r{run}"));
            all.Add(Make("Neighbour", TestOutcome.Passed, startMs: 20, durationMs: 50, run: $"r{run}"));
        }

        var hints = new ContentionCauseDetector(new RunConcurrency(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Target", failing, passing)).ToList();

        Assert.Contains(hints, h => Equals(h.Evidence[0].Value, "Partner"));
        Assert.DoesNotContain(hints, h => Equals(h.Evidence[0].Value, "Neighbour"));
    }

    [Fact]
    public void Detect_SameSurroundings_ReportsNothing()
    {
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 30; run++)
        {
            var target = Make("Target", run % 3 == 0 ? TestOutcome.Failed : TestOutcome.Passed, durationMs: 100, run: $"r{run}");
            all.Add(target);
            (run % 3 == 0 ? failing : passing).Add(target);
            all.Add(Make("Neighbour", TestOutcome.Passed, startMs: 20, durationMs: 50, run: $"r{run}"));
        }

        Assert.Empty(new ContentionCauseDetector(new RunConcurrency(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Target", failing, passing)));
    }
}
