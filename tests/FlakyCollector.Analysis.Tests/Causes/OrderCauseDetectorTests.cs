using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

public sealed class OrderCauseDetectorTests
{
    [Fact]
    public void Detect_FailsOnlyAfterCulprit_ReportsCulpritWithRates()
    {
        var (all, sample) = Runs(20, run => run % 2 == 0);

        var hints = new OrderCauseDetector(new ProcessHistory(ByRun(all)), new AnalysisOptions()).Detect(sample).ToList();

        var hint = Assert.Single(hints);
        Assert.Equal(CauseKind.Order, hint.Kind);
        Assert.Equal("Culprit", hint.Evidence.Single(f => f.Name == "otherTest").Value);
        Assert.Equal(1.0, hint.Evidence.Single(f => f.Name == "failureRateWithOther").Value);
        Assert.Equal(0.0, hint.Evidence.Single(f => f.Name == "failureRateWithoutOther").Value);
    }

    [Fact]
    public void Detect_FourOfTwentyRunsAmongManyBystanders_CulpritStillNamed()
    {
        // As in a real parallel suite: 4 failing runs of 20, thirty bystanders with spans ran before
        // it in every run, and the culprit's work came first exactly in the failing runs.
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 20; run++)
        {
            var culpritFirst = run % 5 == 0;
            for (var b = 0; b < 30; b++)
            {
                all.Add(Make($"Bystander{b}", TestOutcome.Passed, startMs: b * 3, durationMs: 2, run: $"r{run}").WithChild("GET", 1));
            }

            all.Add(Make("Culprit", TestOutcome.Passed, startMs: culpritFirst ? 100 : 400, durationMs: 50, run: $"r{run}").WithChild("POST", 10));
            var target = Make("Target", culpritFirst ? TestOutcome.Failed : TestOutcome.Passed, startMs: 200, durationMs: 50, run: $"r{run}");
            all.Add(target);
            (culpritFirst ? failing : passing).Add(target);
        }

        var hint = Assert.Single(new OrderCauseDetector(new ProcessHistory(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Target", failing, passing)));

        Assert.Equal("Culprit", hint.Evidence.Single(f => f.Name == "otherTest").Value);
    }

    [Fact]
    public void Detect_CulpritRanInAnotherProcess_ReportsNothing()
    {
        // Same run, but the culprit ran in a different test process: no shared state, no order effect.
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 20; run++)
        {
            var culpritFirst = run % 2 == 0;
            all.Add(Make("Culprit", TestOutcome.Passed, startMs: culpritFirst ? 0 : 500, run: $"r{run}", pid: 2));
            var target = Make("Target", culpritFirst ? TestOutcome.Failed : TestOutcome.Passed, startMs: 200, run: $"r{run}", pid: 1);
            all.Add(target);
            (culpritFirst ? failing : passing).Add(target);
        }

        Assert.Empty(new OrderCauseDetector(new ProcessHistory(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Target", failing, passing)));
    }

    [Fact]
    public void Detect_BystanderCorrelatedWithCulprit_ExplainsItAway()
    {
        // The bystander runs before the target in most runs where the culprit does, and a few others.
        var (all, sample) = Runs(24, run => run % 2 == 0, bystander: run => run % 2 == 0 ? run % 6 != 0 : run % 4 == 1);

        var hints = new OrderCauseDetector(new ProcessHistory(ByRun(all)), new AnalysisOptions()).Detect(sample).ToList();

        Assert.Equal("Culprit", Assert.Single(hints).Evidence[0].Value);
    }

    private static (List<TestExecution> All, FlakySample Sample) Runs(int count, Func<int, bool> culpritFirst, Func<int, bool>? bystander = null)
    {
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < count; run++)
        {
            var first = culpritFirst(run);
            all.Add(Make("Culprit", TestOutcome.Passed, startMs: first ? 0 : 500, run: $"r{run}"));
            all.Add(Make("Bystander", TestOutcome.Passed, startMs: bystander?.Invoke(run) == true ? 100 : 600, run: $"r{run}"));
            all.Add(Make("Other", TestOutcome.Passed, startMs: run % 3 == 0 ? 0 : 700, run: $"r{run}"));
            var target = Make("Target", first ? TestOutcome.Failed : TestOutcome.Passed, startMs: 300, run: $"r{run}");
            all.Add(target);
            (first ? failing : passing).Add(target);
        }

        return (all, new FlakySample("Target", failing, passing));
    }
}
