using FlakyCollector.Configuration;

namespace FlakyCollector.Tests.Configuration;

public sealed class OtlpEndpointTests
{
    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/traces")]
    [InlineData("https://otlp.example.com/otlp", "https://otlp.example.com/otlp/v1/traces")]
    [InlineData("https://otlp.example.com/otlp/", "https://otlp.example.com/otlp/v1/traces")]
    [InlineData("https://otlp.example.com/otlp?tenant=a", "https://otlp.example.com/otlp/v1/traces?tenant=a")]
    [InlineData("http://collector:4318/v1/traces", "http://collector:4318/v1/traces")]
    public void ForTraces_HttpProtobufBase_AppendsTracesPathOnce(string configured, string expected)
    {
        var uri = OtlpEndpoint.ForTraces(new Uri(configured), OtlpProtocol.HttpProtobuf, isBase: true);

        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public void ForTraces_HttpProtobufSignalSpecific_UsedAsIs()
    {
        var uri = OtlpEndpoint.ForTraces(new Uri("http://collector:4318/custom/ingest"), OtlpProtocol.HttpProtobuf, isBase: false);

        Assert.Equal("http://collector:4318/custom/ingest", uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ForTraces_Grpc_UsedAsIs(bool isBase)
    {
        var uri = OtlpEndpoint.ForTraces(new Uri("http://collector:4317/prefix"), OtlpProtocol.Grpc, isBase);

        Assert.Equal("http://collector:4317/prefix", uri.AbsoluteUri);
    }
}
