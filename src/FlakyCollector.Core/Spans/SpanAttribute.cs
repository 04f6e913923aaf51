namespace FlakyCollector.Spans;

/// <summary>
/// One attribute of a span, event, link or resource. <see cref="Value"/> is a <see cref="string"/>,
/// <see cref="bool"/>, <see cref="long"/>, <see cref="double"/> or <see cref="T:string[]"/>.
/// </summary>
internal readonly record struct SpanAttribute(string Key, object Value);
