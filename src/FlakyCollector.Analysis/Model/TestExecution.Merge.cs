namespace FlakyCollector.Analysis.Model;

/// <summary>
/// Folding reader partitions' views of one trace together. Partitions merge in whatever order
/// their threads finish, so every list and every "first of" here is put in an order of its own,
/// never the receiving partition's followed by the other's: merging A into B shows what merging B
/// into A shows.
/// </summary>
public sealed partial class TestExecution
{
    /// <summary>
    /// Folds another partition's view of the same trace into this one and returns how many of its
    /// spans were already counted here; their second copy is taken off the summaries again.
    /// </summary>
    internal long MergeChildrenFrom(TestExecution other, int detailLimit)
    {
        for (var i = 0; i < other._childCount; i++)
        {
            ChildFor(other._children![i].Label).Merge(other._children[i]);
        }

        long shared = 0;
        foreach (var entry in other._ledger.Entries)
        {
            if (!_ledger.Add(entry))
            {
                entry.Remove(ref ChildFor(entry.Label));
                shared++;
            }
        }

        MergeDetails(other._records?.Details, detailLimit);
        MergeLogs(other._records?.Logs, detailLimit);
        MergeLogTemplates(other._records?.LogTemplates);
        ChildSpanCount += other.ChildSpanCount - (int)shared;
        return shared;
    }

    /// <summary>
    /// Each partition kept the first child spans it read, up to the limit. Put together they are
    /// sorted by <see cref="ChildSpanDetailOrder"/> and the earliest kept, so that neither the list
    /// nor which spans stay under the limit follows the merge order; a span both partitions read
    /// is kept once, the copy that sorts first. With one side empty the other's list stands as read.
    /// </summary>
    private void MergeDetails(List<ChildSpanDetail>? theirs, int limit)
    {
        if (theirs is not { Count: > 0 })
        {
            return;
        }

        var records = Records;
        if (records.Details is not { Count: > 0 })
        {
            records.Details = [.. theirs];
            return;
        }

        var both = new List<ChildSpanDetail>(records.Details.Count + theirs.Count);
        both.AddRange(records.Details);
        both.AddRange(theirs);
        both.Sort(ChildSpanDetailOrder.Instance);
        var seen = new HashSet<ulong>();
        records.Details = new List<ChildSpanDetail>(Math.Min(limit, both.Count));
        foreach (var detail in both)
        {
            if (records.Details.Count == limit)
            {
                break;
            }

            // A span without an id is never a second copy, as in the ledger.
            if (detail.SpanId == 0 || seen.Add(detail.SpanId))
            {
                records.Details.Add(detail);
            }
        }
    }

    /// <summary>
    /// As <see cref="MergeDetails"/>, by <see cref="LogMarkOrder"/> and under the same limit. A
    /// record read twice stays listed twice, as one partition lists it.
    /// </summary>
    private void MergeLogs(List<LogMark>? theirs, int limit)
    {
        if (theirs is not { Count: > 0 })
        {
            return;
        }

        var records = Records;
        if (records.Logs is not { Count: > 0 })
        {
            records.Logs = [.. theirs];
            return;
        }

        records.Logs.AddRange(theirs);
        records.Logs.Sort(LogMarkOrder.Instance);
        if (records.Logs.Count > limit)
        {
            records.Logs.RemoveRange(limit, records.Logs.Count - limit);
        }
    }

    /// <summary>
    /// A set lists its templates in the order they were added, and the log cause detector takes
    /// them, and breaks ties between its hints, in that order. Two partitions' templates are
    /// therefore added again in ordinal order, not one partition's after the other's.
    /// </summary>
    private void MergeLogTemplates(HashSet<string>? theirs)
    {
        if (theirs is not { Count: > 0 })
        {
            return;
        }

        var records = Records;
        IEnumerable<string> both = records.LogTemplates is { Count: > 0 } ? records.LogTemplates.Union(theirs, StringComparer.Ordinal).Order(StringComparer.Ordinal) : theirs;
        records.LogTemplates = new HashSet<string>(both, StringComparer.Ordinal);
    }
}
