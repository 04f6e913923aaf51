using System.Diagnostics;
using FlakyCollector.Export;
using FlakyCollector.Testing;

namespace FlakyCollector.Tests.Export;

public class OtlpGrpcExporterTests : OtlpExporterContractTests
{
    protected override string Protocol => "grpc";

    protected override string UnavailableText => "gRPC status UNAVAILABLE (14): receiver unavailable (test mode)";

    [Fact]
    public async Task ExportAsync_ReceiverUp_SendsAUnaryGrpcCall()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = CreateExporter(Settings(receiver));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.Minimal()]);

        Assert.True(result.Succeeded, result.Error);
        var headers = Assert.Single(receiver.Exports).Headers;
        Assert.Equal("application/grpc", headers["content-type"]);
        Assert.Equal("trailers", headers["te"]);
        Assert.Matches("^[0-9]{1,8}m$", headers["grpc-timeout"]);
    }

    [Fact]
    public async Task ExportAsync_EndpointWithoutHttp2_FailsFastNamingTheEndpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = CreateExporter(Settings(receiver.HttpEndpoint) with { Timeout = TimeSpan.FromSeconds(30) });
        var watch = Stopwatch.StartNew();

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.Minimal()]);

        // Fast means: not waiting for the 30 s timeout. Half of it holds on a loaded machine too.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.False(result.Succeeded);
        Assert.Contains(receiver.HttpEndpoint.Authority, result.Error, StringComparison.Ordinal);
        Assert.Contains("may not speak HTTP/2", result.Error, StringComparison.Ordinal);
        AssertOneLineWithoutSecrets(result.Error);
    }

    [Theory]
    [InlineData("http://collector:4317", "http://collector:4317/opentelemetry.proto.collector.trace.v1.TraceService/Export")]
    [InlineData("https://collector:4317/", "https://collector:4317/opentelemetry.proto.collector.trace.v1.TraceService/Export")]
    [InlineData("http://gateway/otlp/", "http://gateway/otlp/opentelemetry.proto.collector.trace.v1.TraceService/Export")]
    public void RequestUri_AppendsTheServicePathToTheEndpoint(string endpoint, string expected)
    {
        using var exporter = new OtlpGrpcExporter(new OtlpExporterSettings { Endpoint = new Uri(endpoint) });
        Assert.Equal(expected, exporter.RequestUri.AbsoluteUri);
    }

    private protected override ITraceExporter CreateExporter(OtlpExporterSettings settings) => new OtlpGrpcExporter(settings);

    protected override Uri EndpointFor(Uri baseAddress) => baseAddress;

    protected override Uri EndpointFor(OtlpReceiver receiver) => receiver.GrpcEndpoint;
}
