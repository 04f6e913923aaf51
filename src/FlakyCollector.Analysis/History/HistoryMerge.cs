using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// Merges one history into another with nothing counted twice: detailed runs by
/// <c>test.run.id</c>; a compacted month the target already covers is skipped, one that covers the
/// target's is taken instead of it, disjoint ones are summed.
/// </summary>
internal static class HistoryMerge
{
    public static HistoryMergeResult Into(TestHistory target, TestHistory other)
    {
        var testMap = new int[other.Tests.Count];
        var groupMaps = new int[other.Tests.Count][];
        for (var i = 0; i < other.Tests.Count; i++)
        {
            var source = other.Tests[i];
            testMap[i] = target.IndexOf(source.Identity);
            var test = target.Tests[testMap[i]];
            groupMaps[i] = [.. source.Groups.Select(g => test.Take(g))];
            foreach (var execution in source.Failing.Concat(source.Passing))
            {
                test.Keep(execution);
            }
        }

        var before = target.RunCount;
        var offered = other.RunCount;
        var lost = new List<string>();
        foreach (var period in other.Periods)
        {
            MergePeriod(target, period, testMap, groupMaps, lost);
        }

        target.Reconcile();
        foreach (var run in other.Runs)
        {
            if (target.Contains(run.Id))
            {
                continue;
            }

            var outcomes = run.Outcomes;
            var renamed = new RunOutcomes
            {
                Tests = outcomes.Tests,
                DurationsMs = outcomes.DurationsMs,
                Failures = [.. outcomes.Failures.Select(f => f with { Group = groupMaps[f.Test][f.Group] })],
                Skipped = outcomes.Skipped,
            };
            target.AddRun(new HistoryRun(run.Id, run.Commit, run.StartMs, renamed.Remap(testMap)));
        }

        target.Normalize();
        var added = Math.Max(0, target.RunCount - before);
        return new HistoryMergeResult(added, Math.Max(0, offered - added - lost.Count), lost);
    }

    private static void MergePeriod(TestHistory target, CompactedPeriod period, int[] testMap, int[][] groupMaps, List<string> lost)
    {
        var existing = target.Periods.Find(p => p.Key == period.Key);
        if (existing is not null && existing.RunIds.IsSupersetOf(period.RunIds))
        {
            return;
        }

        var partial = existing is not null && !existing.RunIds.IsSubsetOf(period.RunIds) && existing.RunIds.Overlaps(period.RunIds);
        if (partial && existing!.RunIds.Count >= period.RunIds.Count)
        {
            lost.AddRange(period.RunIds.Except(existing.RunIds));
            return;
        }

        if (partial)
        {
            lost.AddRange(existing!.RunIds.Except(period.RunIds));
        }

        var replace = existing is not null && (partial || existing.RunIds.IsSubsetOf(period.RunIds));
        var into = replace || existing is null ? new CompactedPeriod(period.Key) : existing;
        into.RunIds.UnionWith(period.RunIds);
        foreach (var (test, counts) in period.Tests)
        {
            into.For(testMap[test]).Add(counts, groupMaps[test]);
        }

        if (replace)
        {
            target.Periods.Remove(existing!);
        }

        if (!ReferenceEquals(into, existing))
        {
            target.Periods.Add(into);
        }
    }
}
