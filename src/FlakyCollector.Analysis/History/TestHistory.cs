using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// A branch's test history: per test identity (service, runtime, <c>test.case.name</c>) its
/// outcomes per run and commit, its failure groups and its latest verdict. Runs are keyed by
/// <c>test.run.id</c>, so adding or merging a run twice counts it once. Recent runs are kept in
/// detail, older ones as monthly counts (<see cref="HistoryPolicy"/>).
/// </summary>
public sealed class TestHistory
{
    private readonly Dictionary<TestIdentity, int> _index = [];
    private readonly HashSet<string> _runIds = new(StringComparer.Ordinal);

    public TestHistory(HistoryPolicy? policy = null) => Policy = policy ?? new HistoryPolicy();

    public HistoryPolicy Policy { get; }

    /// <summary>Runs held, in detail or compacted.</summary>
    public int RunCount => _runIds.Count;

    public int DetailedRunCount => Runs.Count;

    public int TestCount => Tests.Count;

    internal List<HistoryTest> Tests { get; private set; } = [];

    /// <summary>Detailed runs, oldest first.</summary>
    internal List<HistoryRun> Runs { get; private set; } = [];

    internal List<CompactedPeriod> Periods { get; private set; } = [];

    public bool Contains(string runId) => _runIds.Contains(runId);

    internal int IndexOf(TestIdentity identity)
    {
        if (!_index.TryGetValue(identity, out var index))
        {
            index = Tests.Count;
            Tests.Add(new HistoryTest(identity));
            _index[identity] = index;
        }

        return index;
    }

    internal bool TryFind(TestIdentity identity, out int index) => _index.TryGetValue(identity, out index);

    internal void AddRun(HistoryRun run)
    {
        _runIds.Add(run.Id);
        Runs.Add(run);
    }

    internal void AddPeriod(CompactedPeriod period)
    {
        _runIds.UnionWith(period.RunIds);
        Periods.Add(period);
    }

    internal CompactedPeriod PeriodFor(string key)
    {
        var period = Periods.Find(p => p.Key == key);
        if (period is null)
        {
            period = new CompactedPeriod(key);
            Periods.Add(period);
        }

        return period;
    }

    /// <summary>Drops detailed runs that a compacted period now counts, and recounts the ids held.</summary>
    internal void Reconcile()
    {
        var compacted = Periods.SelectMany(p => p.RunIds).ToHashSet(StringComparer.Ordinal);
        Runs.RemoveAll(r => compacted.Contains(r.Id));
        _runIds.Clear();
        _runIds.UnionWith(compacted);
        _runIds.UnionWith(Runs.Select(r => r.Id));
    }

    /// <summary>Takes in the runs of a trace corpus; runs already held are counted once.</summary>
    public HistoryAddition Add(Model.TraceCorpus corpus) => HistoryRecorder.Add(this, corpus);

    /// <summary>Takes in another history's runs; a run both hold is counted once.</summary>
    public HistoryMergeResult Merge(TestHistory other) => HistoryMerge.Into(this, other);

    /// <summary>
    /// Puts the history in its one canonical form: tests ordered by identity, groups by first
    /// sighting, runs by start, old runs compacted, verdicts recomputed. Two histories of the same
    /// runs are then equal, whatever order their runs were added or merged in.
    /// </summary>
    internal void Normalize()
    {
        var groupMaps = Tests.Select(t => t.SortGroups()).ToArray();
        var order = Enumerable.Range(0, Tests.Count).OrderBy(i => Tests[i].Identity, IdentityOrder.Instance).ToArray();
        var testMap = new int[Tests.Count];
        for (var i = 0; i < order.Length; i++)
        {
            testMap[order[i]] = i;
        }

        // Most adds change no order: then the runs, the bulk of the history, are left as they are.
        var renumber = !IsIdentity(testMap) || Array.Exists(groupMaps, map => !IsIdentity(map));
        foreach (var run in renumber ? Runs : [])
        {
            var outcomes = run.Outcomes;
            outcomes.Failures = [.. outcomes.Failures.Select(f => f with { Group = groupMaps[f.Test][f.Group] })];
            run.Outcomes = outcomes.Remap(testMap);
        }

        foreach (var period in renumber ? Periods : [])
        {
            foreach (var (test, counts) in period.Tests.ToList())
            {
                var renumbered = new PeriodTestCounts();
                renumbered.Add(counts, groupMaps[test]);
                period.Tests[test] = renumbered;
            }

            period.Renumber(testMap);
        }

        Tests = [.. order.Select(i => Tests[i])];
        _index.Clear();
        for (var i = 0; i < Tests.Count; i++)
        {
            _index[Tests[i].Identity] = i;
        }

        Runs.Sort(HistoryRun.Compare);
        HistoryCompaction.Apply(this);
        Periods.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        HistoryVerdicts.Refresh(this);
    }

    private static bool IsIdentity(int[] map)
    {
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] != i)
            {
                return false;
            }
        }

        return true;
    }
}
