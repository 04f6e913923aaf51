using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

/// <summary>Order where a parallel test's change lands mid-test: its span ended before the victim's read.</summary>
public sealed class OrderSpanBeforeReadTests
{
    private const string Delete = "DELETE /products/{sku}";
    private const string Fetch = "GET /products/{sku}";

    [Fact]
    public void Order_ParallelTestsChangeEndsBeforeTheRead_NamesItAndTheSpan()
    {
        // The cleanup test starts first in every run and its archive call is done by the read; only
        // whether its DELETE is done by then differs.
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 20; run++)
        {
            var fails = run % 4 == 0;
            var victim = Make("Victim", fails ? TestOutcome.Failed : TestOutcome.Passed, startMs: 1000, durationMs: 100, run: $"r{run}")
                .WithSpan(Fetch, 50, 60, kind: 2, status: fails ? 404 : 200);
            var culprit = Make("Cleanup", TestOutcome.Passed, startMs: 0, durationMs: 2000, run: $"r{run}")
                .WithSpan("POST /archive", 0, 1020, kind: 2, status: 200)
                .WithSpan(Delete, fails ? 1030 : 1100, fails ? 1040 : 1110, kind: 2, status: 204);
            all.Add(victim);
            all.Add(culprit);
            (fails ? failing : passing).Add(victim);
        }

        var hint = new OrderCauseDetector(new ProcessHistory(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Victim", failing, passing)).First();

        Assert.Equal("Cleanup", hint.Evidence.Single(f => f.Name == "otherTest").Value);
        Assert.Equal("span-before-read", hint.Evidence.Single(f => f.Name == "relation").Value);
        Assert.Equal(Delete, hint.Evidence.Single(f => f.Name == "otherSpan").Value);
    }

    [Fact]
    public void Order_FailingRunsLastLonger_DoNotMakeParallelWorkLookEarlier()
    {
        // The victim's call times out in failing runs (ends at 1000 ms instead of 100 ms); the
        // parallel test's span ends at 500 ms every time: after the call started, in every run.
        var all = new List<TestExecution>();
        var failing = new List<TestExecution>();
        var passing = new List<TestExecution>();
        for (var run = 0; run < 20; run++)
        {
            var fails = run % 4 == 0;
            var victim = Make("Victim", fails ? TestOutcome.Failed : TestOutcome.Passed, startMs: 0, durationMs: fails ? 1010 : 110, run: $"r{run}")
                .WithSpan("GET /rates", 10, fails ? 1000 : 100, kind: 3, errorType: fails ? "System.Threading.Tasks.TaskCanceledException" : null);
            var other = Make("Other", TestOutcome.Passed, startMs: 5, durationMs: 600, run: $"r{run}").WithSpan(Fetch, 400, 500, kind: 2, status: 200);
            all.Add(victim);
            all.Add(other);
            (fails ? failing : passing).Add(victim);
        }

        Assert.Empty(new OrderCauseDetector(new ProcessHistory(ByRun(all)), new AnalysisOptions()).Detect(new FlakySample("Victim", failing, passing)));
    }
}
