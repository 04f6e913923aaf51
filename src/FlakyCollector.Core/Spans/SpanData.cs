namespace FlakyCollector.Spans;

/// <summary>
/// A finished span, independent of any SDK: what the exporters and the file writer consume.
/// Ids are lower-case hex (32 characters for a trace id, 16 for a span id).
/// </summary>
internal sealed record SpanData
{
    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public required string Name { get; init; }

    public SpanKind Kind { get; init; } = SpanKind.Internal;

    public required long StartTimeUnixNano { get; init; }

    public required long EndTimeUnixNano { get; init; }

    public SpanStatusCode StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    /// <summary>The instrumentation scope (ActivitySource) that produced the span.</summary>
    public required string ScopeName { get; init; }

    public string? ScopeVersion { get; init; }

    public IReadOnlyList<SpanAttribute> Attributes { get; init; } = [];

    public IReadOnlyList<SpanEventData> Events { get; init; } = [];

    public IReadOnlyList<SpanLinkData> Links { get; init; } = [];
}
