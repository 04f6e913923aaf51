using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

/// <summary>An exporter whose every call is answered by a script (call number, spans, token), and which keeps what it was given.</summary>
internal sealed class ScriptedTraceExporter(Func<int, IReadOnlyList<SpanData>, CancellationToken, Task<ExportResult>> answer) : ITraceExporter
{
    private readonly List<IReadOnlyList<SpanData>> calls = [];

    public ScriptedTraceExporter()
        : this((_, spans, _) => Task.FromResult(new ExportResult(true, spans.Count, null)))
    {
    }

    public IReadOnlyList<IReadOnlyList<SpanData>> Calls
    {
        get
        {
            lock (calls)
            {
                return calls.ToList();
            }
        }
    }

    public int SpanCount => Calls.Sum(c => c.Count);

    public Task<ExportResult> ExportAsync(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans,
        CancellationToken cancellationToken = default)
    {
        int call;
        lock (calls)
        {
            calls.Add(spans);
            call = calls.Count;
        }

        return answer(call, spans, cancellationToken);
    }

    public void Dispose()
    {
    }

    /// <summary>Never answers; ends only when the caller gives up, as an endpoint that accepts and never replies.</summary>
    public static async Task<ExportResult> Silent(IReadOnlyList<SpanData> spans, CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
        }

        return new ExportResult(false, 0, "OTLP export to http://blackhole:4317/ failed: cancelled by the caller (0 of " + spans.Count + " spans sent)");
    }
}
