namespace FlakyCollector.Export;

/// <summary>Bounds of the <see cref="SpanExportQueue"/>. The defaults follow the OpenTelemetry SDK's batch processor where it has one.</summary>
public sealed record SpanExportQueueOptions
{
    /// <summary>The default of <see cref="FirstAnswerTimeout"/>.</summary>
    public static readonly TimeSpan DefaultFirstAnswerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Spans held at most; about 1 KB each, so the default keeps the queue under 20 MB.</summary>
    public int MaxQueuedSpans { get; init; } = 16_384;

    /// <summary>Spans per export call (the SDK's default batch size).</summary>
    public int MaxBatchSpans { get; init; } = 512;

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
