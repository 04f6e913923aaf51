namespace FlakyCollector.Configuration;

/// <summary>Turns a configured endpoint into the URL spans are sent to, as the OTLP exporter specification says.</summary>
internal static class OtlpEndpoint
{
    public const string TracesPath = "v1/traces";

    /// <param name="endpoint">The configured URL.</param>
    /// <param name="protocol">The transport.</param>
    /// <param name="isBase">True for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>&lt;Endpoint&gt;</c>: for HTTP, <c>/v1/traces</c> is appended.</param>
    public static Uri ForTraces(Uri endpoint, OtlpProtocol protocol, bool isBase)
    {
        if (protocol != OtlpProtocol.HttpProtobuf || !isBase || endpoint.AbsolutePath.EndsWith("/" + TracesPath, StringComparison.Ordinal))
        {
            return endpoint;
        }

        var text = endpoint.GetLeftPart(UriPartial.Path);
        return new Uri((text.EndsWith('/') ? text : text + "/") + TracesPath + endpoint.Query);
    }
}
