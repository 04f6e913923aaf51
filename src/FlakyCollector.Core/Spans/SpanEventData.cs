namespace FlakyCollector.Spans;

/// <summary>A timestamped event on a span, such as the <c>exception</c> event of a failed test.</summary>
internal sealed record SpanEventData(string Name, long TimeUnixNano, IReadOnlyList<SpanAttribute> Attributes);
