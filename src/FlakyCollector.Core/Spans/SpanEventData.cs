namespace FlakyCollector.Spans;

/// <summary>A timestamped event on a span, such as the <c>exception</c> event of a failed test.</summary>
public sealed record SpanEventData(string Name, long TimeUnixNano, IReadOnlyList<SpanAttribute> Attributes);
