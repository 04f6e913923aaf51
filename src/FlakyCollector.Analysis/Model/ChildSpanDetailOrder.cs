namespace FlakyCollector.Analysis.Model;

/// <summary>
/// The order kept child spans are chosen in when two reader partitions' are put together: by
/// start, then span id, then the rest of the record, so that the choice never follows which
/// partition was merged into which. One partition reading a trace in time order keeps its first
/// spans in the same order.
/// </summary>
internal sealed class ChildSpanDetailOrder : IComparer<ChildSpanDetail>
{
    public static ChildSpanDetailOrder Instance { get; } = new();

    public int Compare(ChildSpanDetail? x, ChildSpanDetail? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = x.StartNanos.CompareTo(y.StartNanos);
        order = order != 0 ? order : x.SpanId.CompareTo(y.SpanId);

        // Past the span id only two copies of one span, or spans without an id, are left to tell apart.
        order = order != 0 ? order : x.EndNanos.CompareTo(y.EndNanos);
        order = order != 0 ? order : string.CompareOrdinal(x.Label, y.Label);
        order = order != 0 ? order : x.ParentSpanId.CompareTo(y.ParentSpanId);
        order = order != 0 ? order : x.IsError.CompareTo(y.IsError);
        order = order != 0 ? order : x.HttpStatusCode.CompareTo(y.HttpStatusCode);
        order = order != 0 ? order : string.CompareOrdinal(x.ErrorText, y.ErrorText);
        return order != 0 ? order : x.MarkedLate.CompareTo(y.MarkedLate);
    }
}
