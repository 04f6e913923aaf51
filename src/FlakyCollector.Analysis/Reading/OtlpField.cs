namespace FlakyCollector.Analysis.Reading;

/// <summary>The OTLP/JSON property names the reader understands; everything else is skipped.</summary>
internal enum OtlpField
{
    Unknown,
    ResourceSpans,
    Resource,
    ScopeSpans,
    Scope,
    Spans,
    Attributes,
    Name,
    Version,
    TraceId,
    SpanId,
    ParentSpanId,
    Kind,
    StartTimeUnixNano,
    EndTimeUnixNano,
    Events,
    Links,
    Status,
    Code,
    Message,
    Key,
    Value,
    StringValue,
    IntValue,
    BoolValue,
    DoubleValue,
    ArrayValue,
    Values,
}
