namespace FlakyCollector.Export;

/// <summary>Bounds of the <see cref="LogExportQueue"/>: a count and a size, as a record's body can be long.</summary>
internal sealed record LogExportQueueOptions
{
    /// <summary>Records held at most (the OpenTelemetry SDK's batch processor holds 2,048).</summary>
    public int MaxQueuedRecords { get; init; } = 4_096;

    /// <summary>
    /// Approximate bytes held at most (<see cref="Spans.LogRecordData.Size"/>): a test may keep 64 KB
    /// of records, so a count alone would let a few thousand long lines hold hundreds of megabytes.
    /// </summary>
    public int MaxQueuedBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Records per export request.</summary>
    public int MaxBatchRecords { get; init; } = 512;

    /// <summary>Approximate bytes per export request; a single larger record still goes, alone.</summary>
    public int MaxBatchBytes { get; init; } = 512 * 1024;

    /// <summary>How long records wait for a full batch before they go anyway.</summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an endpoint that has not answered yet gets for its first request, as for spans.</summary>
    public TimeSpan FirstAnswerTimeout { get; init; } = SpanExportQueueOptions.DefaultFirstAnswerTimeout;

    /// <summary>The endpoint as messages show it (no credentials).</summary>
    public string EndpointText { get; init; } = "the OTLP logs endpoint";
}
