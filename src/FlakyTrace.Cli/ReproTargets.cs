using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>
/// The experiments to run: one per cluster (for all its tests) and one per flaky test outside any,
/// or, with <c>--test</c>, those that hold the named tests. With <c>--cause</c>, the named tests,
/// flaky or not, under the cause given; a named test of a cluster brings the whole cluster.
/// </summary>
internal static class ReproTargets
{
    public static List<(ReproCondition Condition, IReadOnlyList<TestSummary> Members)> Select(FlakinessReport report, IReadOnlyList<string> names, CauseHint? cause)
    {
        var targets = new List<(ReproCondition, IReadOnlyList<TestSummary>)>();
        if (cause is not null)
        {
            foreach (var name in names)
            {
                var test = report.Tests.FirstOrDefault(t => Names(name, t.Name));
                if (test is null)
                {
                    continue;
                }

                // A cluster fails as one (a fixture's failed warm-up fails its whole class): its experiment runs all its tests, once.
                IReadOnlyList<TestSummary> members = report.Clusters.FirstOrDefault(c => c.Tests.Any(t => t.Name == test.Name))?.Tests ?? [test];
                if (!targets.Any(t => t.Item1.Tests.Contains(test.Name)))
                {
                    targets.Add((ReproPlanner.Plan([.. members.Select(m => m.Name)], cause), members));
                }
            }

            return targets;
        }

        foreach (var cluster in report.Clusters)
        {
            if (names.Count == 0 || cluster.Tests.Any(t => names.Any(n => Names(n, t.Name))))
            {
                targets.Add((ReproPlanner.Plan(cluster), cluster.Tests));
            }
        }

        foreach (var test in report.FlakyAlone)
        {
            if (names.Count == 0 || names.Any(n => Names(n, test.Name)))
            {
                targets.Add((ReproPlanner.Plan(test), [test]));
            }
        }

        return targets;
    }

    /// <summary>The names a user may give for a test: its full name, its method, or a trailing part of either (Class.Method).</summary>
    public static bool Names(string given, string testCaseName)
    {
        var method = ReproTestFilter.Method(testCaseName);
        return given == testCaseName || given == method
            || testCaseName.EndsWith("." + given, StringComparison.Ordinal) || method.EndsWith("." + given, StringComparison.Ordinal);
    }
}
