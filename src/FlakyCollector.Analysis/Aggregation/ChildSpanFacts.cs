using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Aggregation;

/// <summary>Folds one child span into its label's <see cref="ChildSpanStats"/>.</summary>
internal static class ChildSpanFacts
{
    private const int StatusError = 2;

    public static void Add(ref ChildSpanStats stats, ParsedSpan span)
    {
        var duration = Math.Max(0, span.EndNanos - span.StartNanos);
        stats.FirstStartNanos = stats.Count == 0 ? span.StartNanos : Math.Min(stats.FirstStartNanos, span.StartNanos);
        stats.LastEndNanos = Math.Max(stats.LastEndNanos, span.EndNanos);
        stats.LateSpans += span.IsLate ? 1 : 0;
        stats.Count++;
        stats.TotalNanos += duration;
        stats.MaxNanos = Math.Max(stats.MaxNanos, duration);
        stats.IsHttpClient |= SpanLabeler.IsHttpClient(span);
        if (span.StatusCode == StatusError)
        {
            stats.Errors++;
            if (stats.ErrorType is null && (span.ErrorType ?? span.ExceptionType) is { } errorType)
            {
                // The first error read names the label; its start decides against another partition's (ChildSpanStats.Merge).
                stats.ErrorType = errorType;
                stats.ErrorStartNanos = span.StartNanos;
            }
        }

        if (span.HttpStatusCode >= 500)
        {
            stats.ServerErrors++;
        }

        if (SpanLabeler.IsTimeout(span))
        {
            stats.Timeouts++;
        }

        stats.HttpStatusCode = Math.Max(stats.HttpStatusCode, span.HttpStatusCode);
    }

    /// <summary>The span's share of its label's summary, kept so that a second copy can be recognised and undone.</summary>
    public static ChildSpanEntry Entry(ParsedSpan span, string label) => new(
        span.SpanId,
        label,
        span.StatusCode == StatusError,
        span.HttpStatusCode >= 500,
        SpanLabeler.IsTimeout(span),
        span.IsLate)
    {
        ParentSpanId = span.ParentSpanId,
        StartNanos = span.StartNanos,
        EndNanos = span.EndNanos,
        Kind = span.Kind,
        HttpStatusCode = span.HttpStatusCode,
        ErrorType = span.ErrorType ?? span.ExceptionType,
        ServiceName = span.ServiceName,
    };

    public static ChildSpanDetail Detail(ParsedSpan span, string label)
    {
        var isError = span.StatusCode == StatusError || span.HttpStatusCode >= 500;
        var errorText = isError ? span.StatusMessage ?? span.ExceptionMessage ?? span.ErrorType : null;
        return new ChildSpanDetail(label, span.SpanId, span.ParentSpanId, span.StartNanos, span.EndNanos, isError, span.HttpStatusCode, errorText, span.IsLate);
    }
}
