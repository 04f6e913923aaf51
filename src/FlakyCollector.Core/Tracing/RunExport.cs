using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Sends the run's spans over OTLP while the run goes on, through a bounded <see cref="ExportQueue{TItem}"/>,
/// and flushes what is left when the run ends, within the export timeout. A failure is one
/// warning naming the endpoint, said once at the end; the file has every span either way.
/// </summary>
internal sealed class RunExport(FlakyTraceSettings settings, Func<FlakyTraceSettings, ITraceExporter?> createExporter) : IDisposable
{
    private readonly object gate = new();
    private ITraceExporter? exporter;
    private ExportQueue<SpanData>? queue;
    private bool started;

    public bool IsEnabled => settings.TracesEndpoint is not null;

    /// <summary>True once the end of the run found the span export failed.</summary>
    public bool Failed { get; private set; }

    public void Add(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        if (!IsEnabled || spans.Count == 0)
        {
            return;
        }

        Queue()?.Add(resource, spans);
    }

    /// <summary>Flushes and reports: how many spans went, or the first failure.</summary>
    public void Send(IRunReport report)
    {
        var pending = queue;
        if (pending is null)
        {
            return;
        }

        pending.Complete(settings.ExportTimeout);
        if (pending.Error is { } error)
        {
            Failed = true;
            report.Warning($"{error} The spans are in the file.");
        }
        else
        {
            var protocol = settings.Protocol == OtlpProtocol.Grpc ? SettingNames.ProtocolGrpc : SettingNames.ProtocolHttpProtobuf;
            report.Info($"{pending.SentCount} span{(pending.SentCount == 1 ? "" : "s")} sent to {settings.TracesEndpoint} ({protocol})");
        }

        Dispose();
    }

    public void Dispose()
    {
        lock (gate)
        {
            queue?.Dispose();
            exporter?.Dispose();
            queue = null;
            exporter = null;
        }
    }

    private ExportQueue<SpanData>? Queue()
    {
        lock (gate)
        {
            if (!started)
            {
                // Created with the first spans, so a run without tests opens no connection.
                started = true;
                exporter = createExporter(settings);
                if (exporter is not null)
                {
                    queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with
                    {
                        // An export timeout no longer than the first-answer bound governs the first
                        // request itself: two timers of one length would race to name the failure.
                        FirstAnswerTimeout = settings.ExportTimeout <= ExportQueueOptions.DefaultFirstAnswerTimeout
                            ? Timeout.InfiniteTimeSpan : ExportQueueOptions.DefaultFirstAnswerTimeout,
                        EndpointText = ExportErrorText.Endpoint(settings.TracesEndpoint!),
                    }, static _ => 0); // spans are bounded by count alone
                }
            }

            return queue;
        }
    }
}
