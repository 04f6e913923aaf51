using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Tracing;

/// <summary>Keeps every export call and answers with a fixed result.</summary>
internal sealed class FakeTraceExporter(string? error = null) : ITraceExporter
{
    private readonly List<(IReadOnlyList<SpanAttribute> Resource, IReadOnlyList<SpanData> Spans)> exports = [];

    public IReadOnlyList<(IReadOnlyList<SpanAttribute> Resource, IReadOnlyList<SpanData> Spans)> Exports => exports;

    public bool Disposed { get; private set; }

    public Task<ExportResult> ExportAsync(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans,
        CancellationToken cancellationToken = default)
    {
        lock (exports)
        {
            exports.Add((resource, spans));
        }

        return Task.FromResult(error is null ? new ExportResult(true, spans.Count, null) : new ExportResult(false, 0, error));
    }

    public void Dispose() => Disposed = true;
}
