using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Tests.Causes;

public sealed class LogTemplateCauseDetectorTests
{
    private const string Cached = "Used the cached price {Price} for {Sku}";
    private const string Requested = "Price requested for {Sku}";

    private readonly LogTemplateCauseDetector detector = new(new AnalysisOptions());

    [Fact]
    public void Detect_LineOnlyInFailingRuns_LogCauseWithCounts()
    {
        var failing = Enumerable.Range(0, 5).Select(_ => Logged(TestOutcome.Failed, Requested, Cached)).ToList();
        var passing = Enumerable.Range(0, 10).Select(_ => Logged(TestOutcome.Passed, Requested)).ToList();

        var hint = Assert.Single(detector.Detect(new FlakySample("Prices.Reads", failing, passing)));

        Assert.Equal(CauseKind.Log, hint.Kind);
        Assert.Equal(Cached, Figure(hint, "template"));
        Assert.Equal(true, Figure(hint, "inFailingRuns"));
        Assert.Equal((5, 5, 0, 10), ((int)Figure(hint, "failingRunsWithLine"), (int)Figure(hint, "failingRuns"), (int)Figure(hint, "passingRunsWithLine"), (int)Figure(hint, "passingRuns")));
        Assert.StartsWith($"\"{Cached}\" logged in 5/5 failing runs vs 0/10 passing runs", hint.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_LineMissingFromFailingRuns_LogCauseTheOtherWay()
    {
        var failing = Enumerable.Range(0, 5).Select(_ => Logged(TestOutcome.Failed, Requested)).ToList();
        var passing = Enumerable.Range(0, 10).Select(_ => Logged(TestOutcome.Passed, Requested, "Cache refreshed")).ToList();

        var hint = Assert.Single(detector.Detect(new FlakySample("Prices.Reads", failing, passing)));

        Assert.Equal(false, Figure(hint, "inFailingRuns"));
        Assert.Contains("missing from 5/5 failing runs vs 0/10 passing runs", hint.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_LineInEveryRunOrByChance_NoHint()
    {
        var failing = new[] { Logged(TestOutcome.Failed, Requested, "Retrying"), Logged(TestOutcome.Failed, Requested) }.ToList();
        var passing = new[] { Logged(TestOutcome.Passed, Requested, "Retrying"), Logged(TestOutcome.Passed, Requested), Logged(TestOutcome.Passed, Requested) }.ToList();

        Assert.Empty(detector.Detect(new FlakySample("Prices.Reads", failing, passing)));
    }

    private static TestExecution Logged(TestOutcome outcome, params string[] templates)
    {
        var execution = ExecutionFactory.Make("Prices.Reads", outcome);
        foreach (var template in templates)
        {
            execution.AddLog(new LogMark(0, 0, 9, template, template), retainDetails: false, limit: 0);
        }

        return execution;
    }

    private static object Figure(CauseHint hint, string name) => hint.Evidence.Single(f => f.Name == name).Value;
}
