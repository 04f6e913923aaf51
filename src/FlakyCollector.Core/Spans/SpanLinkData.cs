namespace FlakyCollector.Spans;

/// <summary>A link from a span to a span of another trace (a test span to its run's trace).</summary>
internal sealed record SpanLinkData(string TraceId, string SpanId, IReadOnlyList<SpanAttribute> Attributes);
