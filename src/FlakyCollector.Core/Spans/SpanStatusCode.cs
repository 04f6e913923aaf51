namespace FlakyCollector.Spans;

/// <summary>Span status codes, numbered as in the OTLP protocol.</summary>
internal enum SpanStatusCode
{
    Unset = 0,
    Ok = 1,
    Error = 2,
}
