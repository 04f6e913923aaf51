namespace FlakyCollector.Analysis.Reading;

/// <summary>Where in the OTLP <c>TracesData</c> structure the parser is: one entry per open object or array.</summary>
internal enum ParseContext : byte
{
    Root,
    ResourceSpansList,
    ResourceSpans,
    Resource,
    ScopeSpansList,
    ScopeSpans,
    Scope,
    SpanList,
    Span,
    Status,
    EventList,
    Event,
    AttributeList,
    Attribute,
    AnyValue,
    LinkList,
    Link,
}
