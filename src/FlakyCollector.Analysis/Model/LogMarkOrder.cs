namespace FlakyCollector.Analysis.Model;

/// <summary>
/// The order kept log records are chosen in when two reader partitions' are put together: by
/// time, then span, then the rest of the record, so that neither the list nor which records stay
/// under the limit follows which partition was merged into which.
/// </summary>
internal sealed class LogMarkOrder : IComparer<LogMark>
{
    public static LogMarkOrder Instance { get; } = new();

    public int Compare(LogMark? x, LogMark? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = x.TimeNanos.CompareTo(y.TimeNanos);
        order = order != 0 ? order : x.SpanId.CompareTo(y.SpanId);
        order = order != 0 ? order : x.Severity.CompareTo(y.Severity);
        order = order != 0 ? order : string.CompareOrdinal(x.Template, y.Template);
        return order != 0 ? order : string.CompareOrdinal(x.Body, y.Body);
    }
}
