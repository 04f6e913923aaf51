using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Groups flaky tests that fail in the same runs. Two tests are linked when, over the runs in
/// which both executed,
/// <list type="number">
/// <item>they share more failed runs than independent failures would (one-sided Fisher exact test
/// on the runs' 2x2 table, Bonferroni-adjusted for the number of pairs, at alpha), so the overlap
/// needed follows each pair's own failure counts and the number of runs; and</item>
/// <item>most of each one's failures are shared (at least half of the failed runs of each), so
/// tests that merely fail more often in busy runs are not one problem; and</item>
/// <item>at least two runs are shared.</item>
/// </list>
/// Pairs whose most common failures have the same shape (<see cref="FailureShape"/>: one message
/// with its numbers and ids masked) are one family, tested at alpha/2 adjusted for the number of
/// such pairs; all other pairs are the other family, at alpha/2 adjusted for all pairs. So a small
/// cluster is found: three tests that fail in the same 3 of 20 runs with one message (a fixture
/// whose setup failed) share their runs by chance with probability 1/C(20,3) = 1/1140 per pair,
/// 0.0026 for three pairs, below 0.005; while two tests that merely fail often stay apart, since
/// independent failures neither share their runs nor their message.
/// Clusters are the connected groups of linked tests.
/// </summary>
internal static class FailureClusters
{
    private const int MinimumSharedRuns = 2;

    public static List<FailureCluster> Find(IReadOnlyList<TestSummary> flaky, double alpha)
    {
        var pairs = flaky.Count * (flaky.Count - 1) / 2;
        var shapes = flaky.Select(t => t.TopError is null ? null : FailureShape.Of(t.TopError)).ToArray();
        var samePairs = 0;
        for (var i = 0; i < flaky.Count; i++)
        {
            for (var j = i + 1; j < flaky.Count; j++)
            {
                samePairs += SameShape(shapes, i, j) ? 1 : 0;
            }
        }

        var parent = Enumerable.Range(0, flaky.Count).ToArray();
        for (var i = 0; i < flaky.Count; i++)
        {
            for (var j = i + 1; j < flaky.Count; j++)
            {
                var family = SameShape(shapes, i, j) ? samePairs : pairs;
                if (Linked(flaky[i], flaky[j], family, alpha / 2))
                {
                    parent[Root(parent, i)] = Root(parent, j);
                }
            }
        }

        return Enumerable.Range(0, flaky.Count)
            .GroupBy(i => Root(parent, i))
            .Where(g => g.Count() > 1)
            .Select(g => Cluster(g.Select(i => flaky[i]).ToList()))
            .OrderByDescending(c => c.FailedRuns)
            .ThenByDescending(c => c.Tests.Count)
            .ToList();
    }

    private static bool SameShape(string?[] shapes, int i, int j) => shapes[i] is not null && shapes[i] == shapes[j];

    internal static bool Linked(TestSummary a, TestSummary b, int pairs, double alpha)
    {
        var both = a.RunIds.Intersect(b.RunIds).ToHashSet();
        var failedA = a.FailedRunIds.Where(both.Contains).ToHashSet();
        var failedB = b.FailedRunIds.Where(both.Contains).ToHashSet();
        var shared = failedA.Count(failedB.Contains);
        if (shared < MinimumSharedRuns || 2 * shared < failedA.Count || 2 * shared < failedB.Count)
        {
            return false;
        }

        var p = FisherExactTest.GreaterPValue(shared, failedA.Count - shared, failedB.Count - shared, both.Count - failedA.Count - failedB.Count + shared);
        return Significance.Adjust(p, pairs) <= alpha;
    }

    private static FailureCluster Cluster(List<TestSummary> members)
    {
        var ordered = members.OrderByDescending(t => t.FailedRuns).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var failedRuns = members.SelectMany(t => t.FailedRunIds).Distinct().Count();
        var runs = members.SelectMany(t => t.RunIds).Distinct().Count();
        return new FailureCluster(ordered, failedRuns, runs, SharedCauses(ordered));
    }

    /// <summary>Causes of the same kind about the same span or other test, held by at least two members.</summary>
    private static List<ClusterCause> SharedCauses(List<TestSummary> members)
    {
        var shared = members
            .SelectMany(t => t.Causes.Where(c => c.Kind != CauseKind.None).Select(c => (Test: t.Name, Hint: c)))
            .GroupBy(x => (x.Hint.Kind, Subject(x.Hint)))
            .Select(g => new ClusterCause(g.MaxBy(x => x.Hint.Score).Hint, g.Select(x => x.Test).Distinct().ToList()))
            .Where(c => c.Tests.Count > 1)
            .OrderByDescending(c => c.Tests.Count)
            .ThenByDescending(c => c.Hint.Score)
            .ToList();
        if (shared.Count == 0)
        {
            var failing = members.Sum(t => t.FailingProfile?.Executions ?? 0);
            var passing = members.Sum(t => t.PassingProfile?.Executions ?? 0);
            shared.Add(new ClusterCause(CauseHint.None(failing, passing), [.. members.Select(t => t.Name)]));
        }

        return shared;
    }

    /// <summary>
    /// Each member's causes with the cluster's shared cause first: one problem failed them all, so
    /// the cause they share outranks what one member's failures alone seem to show.
    /// </summary>
    public static (List<TestSummary> Tests, List<FailureCluster> Clusters) PromoteSharedCauses(List<TestSummary> tests, List<FailureCluster> clusters)
    {
        var promoted = new Dictionary<TestSummary, TestSummary>(ReferenceEqualityComparer.Instance);
        foreach (var cluster in clusters)
        {
            var shared = cluster.Causes[0];
            if (shared.Hint.Kind == CauseKind.None)
            {
                continue;
            }

            foreach (var member in cluster.Tests.Where(t => shared.Tests.Contains(t.Name)))
            {
                var first = member.Causes.Where(c => c.Kind == shared.Hint.Kind && Subject(c) == Subject(shared.Hint)).ToList();
                promoted[member] = member with { Causes = [.. first, .. member.Causes.Except(first)] };
            }
        }

        return (
            [.. tests.Select(t => promoted.GetValueOrDefault(t, t))],
            [.. clusters.Select(c => c with { Tests = [.. c.Tests.Select(t => promoted.GetValueOrDefault(t, t))] })]);
    }

    private static string Subject(CauseHint hint) =>
        hint.Evidence.FirstOrDefault(f => f.Name is "span" or "otherTest")?.Value as string ?? "";

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            i = parent[i] = parent[parent[i]];
        }

        return i;
    }
}
