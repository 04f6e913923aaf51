namespace FlakyCollector.Analysis.Model;

/// <summary>What one child span added to its label's <see cref="ChildSpanStats"/>: enough to take it off again.</summary>
internal readonly record struct ChildSpanEntry(ulong SpanId, string Label, long DurationNanos, bool Error, bool ServerError, bool Timeout, bool Late)
{
    /// <summary>Undoes this span's share of the additive figures; maxima and minima are unchanged by a second copy.</summary>
    public void Remove(ref ChildSpanStats stats)
    {
        stats.Count--;
        stats.TotalNanos -= DurationNanos;
        stats.Errors -= Error ? 1 : 0;
        stats.ServerErrors -= ServerError ? 1 : 0;
        stats.Timeouts -= Timeout ? 1 : 0;
        stats.LateSpans -= Late ? 1 : 0;
    }
}
