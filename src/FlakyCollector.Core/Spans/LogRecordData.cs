namespace FlakyCollector.Spans;

/// <summary>
/// One OpenTelemetry log record: what a test or the code it called wrote, with the trace and span
/// current when it was written. <see cref="Template"/> is the message template where <c>ILogger</c>
/// gives one; <see cref="Category"/> becomes the record's instrumentation scope.
/// </summary>
internal sealed record LogRecordData
{
    public required long TimeUnixNano { get; init; }

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    /// <summary>OpenTelemetry's severity number: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.</summary>
    public int SeverityNumber { get; init; }

    public string? SeverityText { get; init; }

    public required string Body { get; init; }

    public string? Template { get; init; }

    public required string Category { get; init; }

    /// <summary>Where the record came from: <c>ilogger</c>, <c>stdout</c> or <c>stderr</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>An approximate size, for the per-test byte bound.</summary>
    public int Size => Body.Length + (Template?.Length ?? 0) + Category.Length + 64;
}
