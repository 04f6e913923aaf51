using System.Collections.Concurrent;
using FlakyCollector.Testing;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// One traced run per sample suite, shared by the tests that inspect it: the package added,
/// `dotnet test --collect FlakyTrace` with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a gRPC receiver.
/// </summary>
public sealed record TracedSample(SampleRun Run, IReadOnlyList<OpenTelemetry.Proto.Trace.V1.Span> ReceivedSpans, IReadOnlyList<ReceivedExport> Exports)
{
    private static readonly ConcurrentDictionary<string, Lazy<TracedSample>> Runs = new();

    public static TracedSample Get(string sampleName, PackageFeed feed) =>
        Runs.GetOrAdd(sampleName, name => new Lazy<TracedSample>(() => Create(name, feed))).Value;

    private static TracedSample Create(string sampleName, PackageFeed feed)
    {
        using var receiver = OtlpReceiver.StartAsync().GetAwaiter().GetResult();
        var sample = SampleProject.Create(sampleName, feed);
        var run = sample.Test(["--collect", "FlakyTrace"], new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        });
        return new TracedSample(run, receiver.Spans.ToList(), receiver.Exports.ToList());
    }
}
