using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Tests.Flakiness;

public sealed class FailureClustersTests
{
    private static readonly string[] Runs = [.. Enumerable.Range(1, 40).Select(i => $"r{i}")];

    [Fact]
    public void Find_TestsFailingInTheSameRuns_OneClusterWithTheSharedCause()
    {
        string[] outage = ["r3", "r9", "r17", "r22", "r30", "r38"];
        var members = Enumerable.Range(1, 4).Select(i => Test($"W{i}", outage, External("HTTP GET warehouse-api/api/bins/{id}"))).ToList();
        var loner = Test("L", ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"], External("HTTP GET other"));

        var cluster = Assert.Single(FailureClusters.Find([.. members, loner], 0.01));

        Assert.Equal(["W1", "W2", "W3", "W4"], cluster.Tests.Select(t => t.Name).Order());
        Assert.Equal(6, cluster.FailedRuns);
        var cause = Assert.Single(cluster.Causes);
        Assert.Equal((CauseKind.External, 4), (cause.Hint.Kind, cause.Tests.Count));
    }

    [Fact]
    public void Find_TwoSharedRunsAmongManyFlakyTests_NotEnoughToLink()
    {
        // Two shared failures among 10 flaky tests (45 pairs) happen by chance more than 1% of the time.
        var flaky = Enumerable.Range(1, 10).Select(i => Test($"T{i}", i <= 2 ? ["r5", "r6"] : [$"r{10 + i}", $"r{20 + i}"], External("x"))).ToList();

        Assert.Empty(FailureClusters.Find(flaky, 0.01));
    }

    [Fact]
    public void Linked_SharedFailuresButMostFailuresApart_NotLinked()
    {
        var often = Test("A", [.. Runs.Take(20)], External("x"));
        var rare = Test("B", ["r1", "r2", "r3", "r30", "r31", "r32", "r33"], External("x"));

        Assert.False(FailureClusters.Linked(often, rare, 1, 0.01));
    }

    private static TestSummary Test(string name, string[] failedRuns, CauseHint cause) => new()
    {
        Name = name,
        Flaky = true,
        FailedRuns = failedRuns.Length,
        Runs = Runs.Length,
        FailedRunIds = failedRuns.ToHashSet(),
        RunIds = Runs.ToHashSet(),
        Causes = [cause],
    };

    private static CauseHint External(string span) => new(CauseKind.External, 5, $"{span}: 503", [new("span", span)]);
}
