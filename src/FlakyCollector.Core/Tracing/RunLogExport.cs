using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Sends the run's log records over OTLP to the logs endpoint while the run goes on, through a
/// bounded <see cref="ExportQueue{TItem}"/>, and flushes what is left at the end of the run, after the
/// spans. A failure is one warning; when the span export already failed (and warned), the records
/// left are dropped at once and a line of information says so, so a dead endpoint still costs the
/// run one warning and no more waiting. The file has every record either way.
/// </summary>
internal sealed class RunLogExport(FlakyTraceSettings settings) : IDisposable
{
    private readonly object gate = new();
    private IDisposable? exporter;
    private ExportQueue<LogRecordData>? queue;
    private bool started;

    public bool IsEnabled => settings.LogsEndpoint is not null && settings.Logs;

    public void Add(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records)
    {
        if (!IsEnabled || records.Count == 0)
        {
            return;
        }

        Queue()?.Add(resource, records);
    }

    public void Send(IRunReport report, bool spansFailed)
    {
        var pending = queue;
        if (pending is null)
        {
            return;
        }

        if (spansFailed)
        {
            Dispose();
            var unsent = pending.AddedCount - pending.SentCount;
            var before = pending.SentCount > 0 ? $" ({pending.SentCount} were sent before)" : string.Empty;
            report.Info($"{unsent} log records were not sent, as the spans could not be; they are in the file{before}.");
            return;
        }

        pending.Complete(settings.ExportTimeout);
        if (pending.Error is { } error)
        {
            report.Warning($"{error.Replace("spans sent", "log records sent", StringComparison.Ordinal)} The log records are in the file.");
        }
        else
        {
            report.Info($"{pending.SentCount} log records sent to {ExportErrorText.Endpoint(settings.LogsEndpoint!)}");
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

    private ExportQueue<LogRecordData>? Queue()
    {
        lock (gate)
        {
            if (!started)
            {
                // Created with the first records, so a run without any opens no connection.
                started = true;
                var exporterSettings = new OtlpExporterSettings { Endpoint = settings.LogsEndpoint!, Headers = settings.Headers, Timeout = settings.ExportTimeout };
                Func<IExportBody, int, CancellationToken, Task<ExportResult>> send;
                if (settings.Protocol == OtlpProtocol.HttpProtobuf)
                {
                    var http = new OtlpHttpProtobufExporter(exporterSettings);
                    (exporter, send) = (http, http.ExportBodyAsync);
                }
                else
                {
                    var grpc = new OtlpGrpcExporter(exporterSettings, OtlpGrpcExporter.LogsServicePath);
                    (exporter, send) = (grpc, grpc.ExportBodyAsync);
                }

                queue = new ExportQueue<LogRecordData>((resource, records, token) => send(new OtlpLogsProtobufEncoder(resource, records), records.Count, token), ExportQueueOptions.Logs with
                {
                    // As for spans: an export timeout no longer than the first-answer bound governs the first request itself.
                    FirstAnswerTimeout = settings.ExportTimeout <= ExportQueueOptions.DefaultFirstAnswerTimeout
                        ? Timeout.InfiniteTimeSpan : ExportQueueOptions.DefaultFirstAnswerTimeout,
                    EndpointText = ExportErrorText.Endpoint(settings.LogsEndpoint!),
                }, record => record.Size);
            }

            return queue;
        }
    }
}
