using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>A resource's attributes and their OTLP/JSON, kept while the same attributes list comes again.</summary>
internal sealed record EncodedResource(IReadOnlyList<SpanAttribute> Attributes, byte[] Json);
