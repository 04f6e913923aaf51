namespace FlakyCollector.Analysis.History;

/// <summary>One run (<c>test.run.id</c>) kept in detail: its commit, its start and every test's outcome.</summary>
internal sealed class HistoryRun(string id, string? commit, long startMs, RunOutcomes outcomes)
{
    public string Id { get; } = id;

    public string? Commit { get; } = commit;

    /// <summary>The earliest test start of the run, Unix milliseconds: the order of runs.</summary>
    public long StartMs { get; } = startMs;

    public RunOutcomes Outcomes { get; set; } = outcomes;

    public static int Compare(HistoryRun a, HistoryRun b)
    {
        var byStart = a.StartMs.CompareTo(b.StartMs);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
    }
}
