namespace FlakyCollector.Analysis.History;

/// <summary>One test's outcomes over the runs of a compacted period: counts only.</summary>
internal sealed class PeriodTestCounts
{
    public int Passed { get; set; }

    public int Skipped { get; set; }

    /// <summary>Runs in which it failed, per failure group (index into the test's groups).</summary>
    public SortedDictionary<int, int> FailedByGroup { get; } = [];

    /// <summary>Groups it failed with on a commit of the period where it also passed.</summary>
    public SortedSet<int> FlakyGroups { get; } = [];

    public int DurationCount { get; set; }

    public long DurationSumMs { get; set; }

    public int DurationMinMs { get; set; } = int.MaxValue;

    public int DurationMaxMs { get; set; }

    public int Failed => FailedByGroup.Values.Sum();

    public void AddDuration(int ms)
    {
        DurationCount++;
        DurationSumMs += ms;
        DurationMinMs = Math.Min(DurationMinMs, ms);
        DurationMaxMs = Math.Max(DurationMaxMs, ms);
    }

    public void Add(PeriodTestCounts other, int[] groupMap)
    {
        Passed += other.Passed;
        Skipped += other.Skipped;
        foreach (var (group, count) in other.FailedByGroup)
        {
            FailedByGroup[groupMap[group]] = FailedByGroup.GetValueOrDefault(groupMap[group]) + count;
        }

        FlakyGroups.UnionWith(other.FlakyGroups.Select(g => groupMap[g]));
        DurationCount += other.DurationCount;
        DurationSumMs += other.DurationSumMs;
        DurationMinMs = Math.Min(DurationMinMs, other.DurationMinMs);
        DurationMaxMs = Math.Max(DurationMaxMs, other.DurationMaxMs);
    }
}
