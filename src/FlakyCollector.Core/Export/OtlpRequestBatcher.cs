using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Splits a span list into export requests of at most a number of spans and, where possible, a
/// number of bytes: receivers reject large messages (the OpenTelemetry Collector's gRPC limit is
/// 4 MiB by default), and a failed request should cost as few spans as possible.
/// </summary>
internal static class OtlpRequestBatcher
{
    /// <summary>
    /// Yields measured requests in span order, lazily, so a deadline that passes halfway stops the
    /// encoding too. A single span larger than <paramref name="maxBytes"/> still goes alone: the
    /// receiver, not the exporter, decides whether it is acceptable.
    /// </summary>
    public static IEnumerable<MeasuredExportRequest> Split(IReadOnlyList<SpanAttribute> resource,
        IReadOnlyList<SpanData> spans, int maxSpans, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSpans, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        for (var start = 0; start < spans.Count; start += maxSpans)
        {
            var chunk = ReadOnlyListSlice<SpanData>.Of(spans, start, maxSpans);
            foreach (var request in SplitBySize(resource, chunk, maxBytes))
            {
                yield return request;
            }
        }
    }

    private static IEnumerable<MeasuredExportRequest> SplitBySize(IReadOnlyList<SpanAttribute> resource,
        IReadOnlyList<SpanData> spans, int maxBytes)
    {
        // Halving keeps the work at O(n log n) in the worst case and touches nothing when a
        // batch already fits, which is the common case.
        var pending = new Stack<IReadOnlyList<SpanData>>();
        pending.Push(spans);
        while (pending.Count > 0)
        {
            var candidate = pending.Pop();
            var request = MeasuredExportRequest.Measure(resource, candidate);
            if (request.Size <= maxBytes || candidate.Count == 1)
            {
                yield return request;
                continue;
            }

            var half = candidate.Count / 2;
            pending.Push(ReadOnlyListSlice<SpanData>.Of(candidate, half, candidate.Count - half));
            pending.Push(ReadOnlyListSlice<SpanData>.Of(candidate, 0, half));
        }
    }
}
