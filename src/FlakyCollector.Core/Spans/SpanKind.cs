namespace FlakyCollector.Spans;

/// <summary>Span kinds, numbered as in the OTLP protocol.</summary>
internal enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
