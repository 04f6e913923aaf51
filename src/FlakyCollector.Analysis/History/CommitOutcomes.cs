namespace FlakyCollector.Analysis.History;

/// <summary>
/// Per test and commit, over the detailed runs: whether it passed, and the groups it failed with.
/// A group is flaky when the test also passed on that commit (or on a retry in the same run).
/// </summary>
internal static class CommitOutcomes
{
    /// <summary>Per test index, the failure groups seen on a commit where the test also passed.</summary>
    public static Dictionary<int, SortedSet<int>> FlakyGroups(IEnumerable<HistoryRun> runs)
    {
        var passed = new HashSet<(int Test, string Commit)>();
        var failed = new Dictionary<(int Test, string Commit), HashSet<int>>();
        var flaky = new Dictionary<int, SortedSet<int>>();
        foreach (var run in runs)
        {
            var commit = run.Commit ?? "";
            var outcomes = run.Outcomes;
            var f = 0;
            foreach (var test in outcomes.Tests)
            {
                while (f < outcomes.Failures.Length && outcomes.Failures[f].Test < test)
                {
                    f++;
                }

                if (f < outcomes.Failures.Length && outcomes.Failures[f].Test == test)
                {
                    var failure = outcomes.Failures[f];
                    if (!failed.TryGetValue((test, commit), out var groups))
                    {
                        failed[(test, commit)] = groups = [];
                    }

                    groups.Add(failure.Group);
                    if (failure.PassedToo)
                    {
                        passed.Add((test, commit));
                    }
                }
                else if (!outcomes.SkippedOnly(test))
                {
                    passed.Add((test, commit));
                }
            }
        }

        foreach (var ((test, commit), groups) in failed)
        {
            if (passed.Contains((test, commit)))
            {
                if (!flaky.TryGetValue(test, out var set))
                {
                    flaky[test] = set = [];
                }

                set.UnionWith(groups);
            }
        }

        return flaky;
    }
}
