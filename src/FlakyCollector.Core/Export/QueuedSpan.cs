using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>A span waiting in the <see cref="SpanExportQueue"/>, with the resource it is sent under.</summary>
internal readonly record struct QueuedSpan(IReadOnlyList<SpanAttribute> Resource, SpanData Span);
