using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>Sends finished spans to a tracing backend.</summary>
internal interface ITraceExporter : IDisposable
{
    /// <summary>
    /// Sends <paramref name="spans"/> under one resource, in as many requests as their size needs.
    /// Never throws for transport failures and never runs past its configured timeout: the
    /// outcome, including a one-line error naming the endpoint, is in the result.
    /// </summary>
    Task<ExportResult> ExportAsync(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans,
        CancellationToken cancellationToken = default);
}
