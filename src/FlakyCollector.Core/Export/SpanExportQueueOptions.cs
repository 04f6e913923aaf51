namespace FlakyCollector.Export;

/// <summary>Bounds of the <see cref="SpanExportQueue"/>. The defaults follow the OpenTelemetry SDK's batch processor where it has one.</summary>
internal sealed record SpanExportQueueOptions
{
    /// <summary>The default of <see cref="FirstAnswerTimeout"/>.</summary>
    public static readonly TimeSpan DefaultFirstAnswerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Spans held at most (the SDK's default is 2,048). At 16,384 the queue and its request
    /// buffers cost vstest.console about 40 MB at 100,000 trivial tests; 4,096 is still a second
    /// of the fastest runs measured, so a working endpoint never makes the run wait.
    /// </summary>
    public int MaxQueuedSpans { get; init; } = 4_096;

    /// <summary>
    /// Spans per export call. Smaller than the SDK's 512: a request body of 512 test spans (about
    /// 300 KB) lands on the large object heap, which only a full collection frees.
    /// </summary>
    public int MaxBatchSpans { get; init; } = 128;

    /// <summary>How long spans wait for a full batch before they go anyway.</summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an endpoint that has not answered yet gets for its first request (a small one, sent
    /// with the first spans). A live collector answers in milliseconds; one that accepts
    /// connections and never replies is given up on after this, not after the export timeout.
    /// </summary>
    public TimeSpan FirstAnswerTimeout { get; init; } = DefaultFirstAnswerTimeout;

    /// <summary>The endpoint as messages show it (no credentials).</summary>
    public string EndpointText { get; init; } = "the OTLP endpoint";
}
