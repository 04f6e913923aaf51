using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Sends the run's log records over OTLP to the logs endpoint at the end of the run, in requests of
/// at most <see cref="RecordsPerRequest"/>, after the spans. Held in memory until then, at most
/// <see cref="MaxHeld"/> records (beyond that only the file has them). A failure is one warning; after
/// a span export that already failed (and warned), the records are not tried and a line of information
/// says so, so a dead endpoint still costs the run one warning. The file has every record either way.
/// </summary>
internal sealed class RunLogExport(FlakyTraceSettings settings)
{
    public const int RecordsPerRequest = 512;
    public const int MaxHeld = 100_000;

    private readonly List<(IReadOnlyList<SpanAttribute> Resource, IReadOnlyList<LogRecordData> Records)> held = [];
    private int count;
    private int notHeld;

    public bool IsEnabled => settings.LogsEndpoint is not null && settings.Logs;

    public void Add(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records)
    {
        if (!IsEnabled || records.Count == 0)
        {
            return;
        }

        lock (held)
        {
            if (count + records.Count > MaxHeld)
            {
                notHeld += records.Count;
                return;
            }

            held.Add((resource, records));
            count += records.Count;
        }
    }

    public void Send(IRunReport report, bool spansFailed)
    {
        if (!IsEnabled || count == 0)
        {
            return;
        }

        if (spansFailed)
        {
            report.Info($"{count} log records were not sent, as the spans could not be; they are in the file.");
            return;
        }

        var exporterSettings = new OtlpExporterSettings { Endpoint = settings.LogsEndpoint!, Headers = settings.Headers, Timeout = settings.ExportTimeout };
        var sent = 0;
        if (settings.Protocol == OtlpProtocol.HttpProtobuf)
        {
            using var http = new OtlpHttpProtobufExporter(exporterSettings);
            sent = SendAll(report, (body, n) => http.ExportBodyAsync(body, n, CancellationToken.None));
        }
        else
        {
            using var grpc = new OtlpGrpcExporter(exporterSettings, OtlpGrpcExporter.LogsServicePath);
            sent = SendAll(report, (body, n) => grpc.ExportBodyAsync(body, n, CancellationToken.None));
        }

        if (sent >= 0)
        {
            var beyond = notHeld > 0 ? $" ({notHeld} more beyond {MaxHeld} are only in the file)" : string.Empty;
            report.Info($"{sent} log records sent to {ExportErrorText.Endpoint(settings.LogsEndpoint!)}{beyond}");
        }
    }

    /// <summary>Sends everything held, stopping at the first failure (reported); the count sent, or -1 after a failure.</summary>
    private int SendAll(IRunReport report, Func<IExportBody, int, Task<ExportResult>> export)
    {
        var sent = 0;
        foreach (var (resource, records) in held.GroupBy(h => h.Resource).Select(g => (g.Key, g.SelectMany(h => h.Records).ToList())))
        {
            for (var start = 0; start < records.Count; start += RecordsPerRequest)
            {
                var chunk = records.GetRange(start, Math.Min(RecordsPerRequest, records.Count - start));
                var result = export(new OtlpLogsProtobufEncoder(resource, chunk), chunk.Count).GetAwaiter().GetResult();
                if (result.Error is { } error)
                {
                    report.Warning($"{error.Replace("spans sent", "log records sent", StringComparison.Ordinal)} The log records are in the file.");
                    return -1;
                }

                sent += chunk.Count;
            }
        }

        return sent;
    }
}
