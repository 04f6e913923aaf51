namespace FlakyCollector.Analysis.Reading;

/// <summary>Where an attribute list sits, which decides the keys it may set.</summary>
internal enum AttributeTarget
{
    Span,
    Event,
    Resource,
    Link,
}
