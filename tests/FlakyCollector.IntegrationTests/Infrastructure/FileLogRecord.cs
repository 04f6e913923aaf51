namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>A log record read back from a <c>LogsData</c> line of an OTLP/JSON Lines file.</summary>
public sealed record FileLogRecord(string? TraceId, string? SpanId, int SeverityNumber, string Body, string Scope, IReadOnlyDictionary<string, object?> Attributes)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value?.ToString() : null;
}
