using System.Collections.Concurrent;
using FlakyCollector.Testing;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// One traced run per Microsoft.Testing.Platform sample, shared by the tests that inspect it: the
/// package added, `dotnet test --flaky-trace` with OTEL_EXPORTER_OTLP_ENDPOINT at a gRPC receiver.
/// </summary>
public static class TracedPlatformSample
{
    private static readonly ConcurrentDictionary<string, Lazy<TracedSample>> Runs = new();

    public static TracedSample Get(string sampleName, PackageFeed feed) =>
        Runs.GetOrAdd(sampleName, name => new Lazy<TracedSample>(() => Create(name, feed))).Value;

    private static TracedSample Create(string sampleName, PackageFeed feed)
    {
        using var receiver = OtlpReceiver.StartAsync().GetAwaiter().GetResult();
        var sample = SampleProject.Create(sampleName, feed);
        var run = sample.TestOnPlatform(["--flaky-trace"], new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        });
        return new TracedSample(run, receiver.Spans.ToList(), receiver.Exports.ToList());
    }
}
