namespace FlakyCollector.Analysis.History;

/// <summary>
/// The runs of one calendar month (UTC, by run start) that left the detailed window, folded into
/// counts per test. The run ids stay, so a merge or a repeated add never counts one of them twice.
/// </summary>
internal sealed class CompactedPeriod(string key)
{
    /// <summary><c>yyyy-MM</c>.</summary>
    public string Key { get; } = key;

    public SortedSet<string> RunIds { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<int, PeriodTestCounts> Tests { get; private set; } = [];

    public static string KeyOf(long startMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(startMs).UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public PeriodTestCounts For(int test)
    {
        if (!Tests.TryGetValue(test, out var counts))
        {
            Tests[test] = counts = new PeriodTestCounts();
        }

        return counts;
    }

    /// <summary>Folds one detailed run in: its outcomes become counts.</summary>
    public void Fold(HistoryRun run)
    {
        if (!RunIds.Add(run.Id))
        {
            return;
        }

        var outcomes = run.Outcomes;
        for (var i = 0; i < outcomes.Tests.Length; i++)
        {
            var test = outcomes.Tests[i];
            var counts = For(test);
            var failure = outcomes.FailureIndex(test);
            if (failure >= 0)
            {
                var group = outcomes.Failures[failure].Group;
                counts.FailedByGroup[group] = counts.FailedByGroup.GetValueOrDefault(group) + 1;
                if (outcomes.Failures[failure].PassedToo)
                {
                    counts.FlakyGroups.Add(group);
                }
            }
            else if (outcomes.SkippedOnly(test))
            {
                counts.Skipped++;
                continue;
            }
            else
            {
                counts.Passed++;
            }

            counts.AddDuration(outcomes.DurationsMs[i]);
        }
    }

    public void Renumber(int[] testMap)
    {
        var renumbered = new SortedDictionary<int, PeriodTestCounts>();
        foreach (var (test, counts) in Tests)
        {
            renumbered[testMap[test]] = counts;
        }

        Tests = renumbered;
    }
}
