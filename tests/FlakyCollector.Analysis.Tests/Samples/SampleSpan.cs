namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>A span as the sample generator writes it: enough of OTLP to look like the collector's output.</summary>
internal sealed record SampleSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    long StartNanos,
    long EndNanos,
    string Scope)
{
    public int StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    public IReadOnlyList<KeyValuePair<string, object>> Attributes { get; init; } = [];

    /// <summary>(type, message, stack trace) of an <c>exception</c> event.</summary>
    public (string Type, string Message, string StackTrace)? Exception { get; init; }
}
