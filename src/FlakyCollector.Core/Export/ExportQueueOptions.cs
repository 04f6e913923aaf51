namespace FlakyCollector.Export;

/// <summary>
/// Bounds of an <see cref="ExportQueue{TItem}"/>. The defaults follow the OpenTelemetry SDK's batch
/// processor where it has one; <see cref="Spans"/> and <see cref="Logs"/> are what each signal uses.
/// </summary>
internal sealed record ExportQueueOptions
{
    /// <summary>The default of <see cref="FirstAnswerTimeout"/>.</summary>
    public static readonly TimeSpan DefaultFirstAnswerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Spans: 4,096 held at most (the SDK holds 2,048; at 16,384 the queue and its request buffers
    /// cost vstest.console about 40 MB at 100,000 trivial tests, and 4,096 is still a second of the
    /// fastest runs measured, so a working endpoint never makes the run wait), 128 per request
    /// (smaller than the SDK's 512: a body of 512 test spans, about 300 KB, lands on the large
    /// object heap, which only a full collection frees).
    /// </summary>
    public static ExportQueueOptions Spans { get; } = new()
    {
        ItemsName = "spans",
        MaxQueued = 4_096,
        MaxBatch = 128,
        EndpointText = "the OTLP endpoint",
    };

    /// <summary>
    /// Log records: bounded in bytes too (<see cref="Spans.LogRecordData.Size"/>), as a test may keep
    /// 64 KB of records and a count alone would let a few thousand long lines hold hundreds of megabytes.
    /// </summary>
    public static ExportQueueOptions Logs { get; } = new()
    {
        ItemsName = "log records",
        MaxQueued = 4_096,
        MaxQueuedBytes = 4 * 1024 * 1024,
        MaxBatch = 512,
        MaxBatchBytes = 512 * 1024,
        EndpointText = "the OTLP logs endpoint",
    };

    /// <summary>What the items are called in messages.</summary>
    public required string ItemsName { get; init; }

    /// <summary>Items held at most.</summary>
    public int MaxQueued { get; init; }

    /// <summary>Approximate bytes held at most; an empty queue still takes an item, however large.</summary>
    public long MaxQueuedBytes { get; init; } = long.MaxValue;

    /// <summary>Items per export request.</summary>
    public int MaxBatch { get; init; }

    /// <summary>Approximate bytes per export request; a single larger item still goes, alone.</summary>
    public long MaxBatchBytes { get; init; } = long.MaxValue;

    /// <summary>How long items wait for a full batch before they go anyway.</summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an endpoint that has not answered yet gets for its first request (a small one, sent
    /// with the first items). A live collector answers in milliseconds; one that accepts
    /// connections and never replies is given up on after this, not after the export timeout.
    /// </summary>
    public TimeSpan FirstAnswerTimeout { get; init; } = DefaultFirstAnswerTimeout;

    /// <summary>The endpoint as messages show it (no credentials).</summary>
    public required string EndpointText { get; init; }
}
