namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>A span read back from an OTLP/JSON Lines file, with its resource's attributes.</summary>
public sealed record FileSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Scope,
    int Kind,
    long StartUnixNano,
    long EndUnixNano,
    int StatusCode,
    string? StatusMessage,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyList<(string Name, IReadOnlyDictionary<string, object?> Attributes)> Events,
    IReadOnlyDictionary<string, object?> Resource)
{
    /// <summary>The span's links: trace id, span id and the link's attributes.</summary>
    public IReadOnlyList<(string TraceId, string SpanId, IReadOnlyDictionary<string, object?> Attributes)> Links { get; init; } = [];

    public TimeSpan Duration => TimeSpan.FromTicks((EndUnixNano - StartUnixNano) / 100);

    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value?.ToString() : null;
}
