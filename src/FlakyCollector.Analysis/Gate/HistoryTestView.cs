using FlakyCollector.Analysis.History;

namespace FlakyCollector.Analysis.Gate;

/// <summary>One test's runs in a history, newest first, each as (run, failed, group); runs where it did not run or only skipped are left out.</summary>
internal static class HistoryTestView
{
    public static IEnumerable<(HistoryRun Run, bool Failed, int Group)> Newest(IReadOnlyList<HistoryRun> runs, int test)
    {
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            var outcomes = runs[i].Outcomes;
            if (!outcomes.Ran(test) || outcomes.SkippedOnly(test))
            {
                continue;
            }

            var failure = outcomes.FailureIndex(test);
            yield return (runs[i], failure >= 0, failure >= 0 ? outcomes.Failures[failure].Group : -1);
        }
    }
}
