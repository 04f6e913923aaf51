using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>
/// The experiments to run: one per cluster (for all its tests) and one per flaky test outside any,
/// or, with <c>--test</c>, those that hold the named tests. With <c>--cause</c>, the named tests,
/// flaky or not, under the cause given.
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
                if (test is not null)
                {
                    targets.Add((ReproPlanner.Plan([test.Name], cause), [test]));
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
