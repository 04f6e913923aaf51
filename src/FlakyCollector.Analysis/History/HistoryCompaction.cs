namespace FlakyCollector.Analysis.History;

/// <summary>
/// Folds the runs that left the detailed window (<see cref="HistoryPolicy"/>) into their month's
/// counts. A failure counts as flaky in the month when, over the detailed runs at that moment, the
/// test also passed on the failing run's commit.
/// </summary>
internal static class HistoryCompaction
{
    public static void Apply(TestHistory history)
    {
        var runs = history.Runs;
        if (runs.Count == 0)
        {
            return;
        }

        var newest = runs[^1].StartMs;
        var oldestKept = newest - ((long)history.Policy.DetailedDays * 24 * 3600 * 1000);
        var cut = Math.Max(0, runs.Count - history.Policy.MaxDetailedRuns);
        while (cut < runs.Count && runs[cut].StartMs < oldestKept)
        {
            cut++;
        }

        if (cut == 0)
        {
            return;
        }

        var passedOn = PassedOn(runs);
        foreach (var run in runs.Take(cut))
        {
            var period = history.PeriodFor(CompactedPeriod.KeyOf(run.StartMs));
            period.Fold(run);
            foreach (var failure in run.Outcomes.Failures)
            {
                if (passedOn.Contains((failure.Test, run.Commit ?? "")))
                {
                    period.For(failure.Test).FlakyGroups.Add(failure.Group);
                }
            }
        }

        runs.RemoveRange(0, cut);
    }

    private static HashSet<(int Test, string Commit)> PassedOn(List<HistoryRun> runs)
    {
        var passed = new HashSet<(int, string)>();
        foreach (var run in runs)
        {
            var outcomes = run.Outcomes;
            foreach (var test in outcomes.Tests)
            {
                var failure = outcomes.FailureIndex(test);
                if ((failure < 0 && !outcomes.SkippedOnly(test)) || (failure >= 0 && outcomes.Failures[failure].PassedToo))
                {
                    passed.Add((test, run.Commit ?? ""));
                }
            }
        }

        return passed;
    }
}
