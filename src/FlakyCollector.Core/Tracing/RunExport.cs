using System.Collections.Concurrent;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Holds the run's spans, per test assembly, until the run ends, then sends them over OTLP in one
/// go, within the export timeout as a whole. A failure is one warning; the file has the spans.
/// </summary>
public sealed class RunExport(FlakyTraceSettings settings, Func<FlakyTraceSettings, ITraceExporter?> createExporter)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SpanData>> spansBySource = new(StringComparer.Ordinal);

    public bool IsEnabled => settings.TracesEndpoint is not null;

    public void Add(string source, IEnumerable<SpanData> spans)
    {
        if (!IsEnabled)
        {
            return;
        }

        var queue = spansBySource.GetOrAdd(source, _ => new ConcurrentQueue<SpanData>());
        foreach (var span in spans)
        {
            queue.Enqueue(span);
        }
    }

    public void Send(IReadOnlyDictionary<string, IReadOnlyList<SpanAttribute>> resources, IRunReport report)
    {
        if (!IsEnabled || spansBySource.IsEmpty)
        {
            return;
        }

        using var exporter = createExporter(settings);
        if (exporter is null)
        {
            return;
        }

        var sent = 0;
        // Each export call keeps to ExportTimeout by itself and says so when it runs out; this
        // outer bound, a little later, only guards the whole run against several slow calls.
        using var deadline = new CancellationTokenSource(settings.ExportTimeout + TimeSpan.FromSeconds(1));
        foreach (var (source, spans) in spansBySource)
        {
            var result = exporter.ExportAsync(resources[source], spans.ToArray(), deadline.Token).GetAwaiter().GetResult();
            sent += result.ExportedSpanCount;
            if (!result.Succeeded)
            {
                report.Warning($"{result.Error} The spans are in the file.");
                return;
            }
        }

        var protocol = settings.Protocol == OtlpProtocol.Grpc ? SettingNames.ProtocolGrpc : SettingNames.ProtocolHttpProtobuf;
        report.Info($"{sent} spans sent to {settings.TracesEndpoint} ({protocol})");
    }
}
