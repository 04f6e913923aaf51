using FlakyCollector.Export;
using FlakyCollector.Testing;

namespace FlakyCollector.Tests.Export;

public class OtlpHttpProtobufExporterTests : OtlpExporterContractTests
{
    protected override string Protocol => "http/protobuf";

    protected override string UnavailableText => "HTTP 503 Service Unavailable: receiver unavailable (test mode)";

    [Fact]
    public async Task ExportAsync_ReceiverUp_PostsProtobufToTheGivenUrl()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = new OtlpHttpProtobufExporter(Settings(receiver));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.Minimal()]);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(receiver.HttpTracesUrl, exporter.RequestUri);
        Assert.Equal("application/x-protobuf", Assert.Single(receiver.Exports).Headers["content-type"]);
    }

    [Fact]
    public async Task ExportAsync_WrongPath_ReportsTheStatusWithoutRetrying()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = new OtlpHttpProtobufExporter(Settings(receiver.HttpEndpoint));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.Minimal()]);

        Assert.False(result.Succeeded);
        Assert.Contains("HTTP 404 Not Found", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("retried", result.Error, StringComparison.Ordinal);
        Assert.Contains(receiver.HttpEndpoint.Authority, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadStatusMessage_GoogleRpcStatus_ReturnsItsMessage()
    {
        // code = 3 (varint), message = "bad span", details = one empty Any.
        byte[] status = [0x08, 0x03, 0x12, 0x08, .. "bad span"u8, 0x1A, 0x00];
        Assert.Equal("bad span", OtlpErrorBody.ReadStatusMessage(status));
        Assert.Null(OtlpErrorBody.ReadStatusMessage([0x12, 0x40, 0x61]));
    }

    private protected override ITraceExporter CreateExporter(OtlpExporterSettings settings) => new OtlpHttpProtobufExporter(settings);

    protected override Uri EndpointFor(Uri baseAddress) => new(baseAddress, "/v1/traces");

    protected override Uri EndpointFor(OtlpReceiver receiver) => receiver.HttpTracesUrl;
}
