using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli.Tests;

public sealed class ReproTargetsTests
{
    [Fact]
    public void Select_WithCause_ATestOfAClusterBringsTheWholeClusterOnce()
    {
        var byName = new TestSummary { Name = "Ns.Search.Finds_By_Name", Flaky = true };
        var byCategory = new TestSummary { Name = "Ns.Search.Finds_By_Category", Flaky = true };
        var alone = new TestSummary { Name = "Ns.Stock.Reserves", Flaky = true };
        var report = new FlakinessReport([byName, byCategory, alone], default!, 10, 1)
        {
            Clusters = [new FailureCluster([byName, byCategory], 3, 10, [])],
        };
        var cause = CauseHypothesis.Parse("external=HTTP POST 127.0.0.1/search/warmup:503", out _);

        var targets = ReproTargets.Select(report, ["Finds_By_Name", "Finds_By_Category", "Reserves"], cause);

        Assert.Equal(2, targets.Count);
        Assert.Equal(["Ns.Search.Finds_By_Name", "Ns.Search.Finds_By_Category"], targets[0].Condition.Tests);
        Assert.Equal(2, targets[0].Members.Count);
        Assert.Contains("test=Ns.Search.Finds_By_Category\n", targets[0].Condition.Injection, StringComparison.Ordinal);
        Assert.Equal(["Ns.Stock.Reserves"], targets[1].Condition.Tests);
    }
}
