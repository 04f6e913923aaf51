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

    public const string LogsPath = "v1/logs";

    /// <summary>
    /// The logs URL beside the traces one: <c>OTEL_EXPORTER_OTLP_LOGS_ENDPOINT</c> as given; for
    /// HTTP a traces URL ending in <c>/v1/traces</c> becomes <c>/v1/logs</c>; gRPC uses the same base.
    /// </summary>
    public static Uri ForLogs(Uri tracesEndpoint, OtlpProtocol protocol, string? logsVariable)
    {
        if (!string.IsNullOrWhiteSpace(logsVariable) && Uri.TryCreate(logsVariable.Trim(), UriKind.Absolute, out var explicitLogs)
            && (explicitLogs.Scheme == Uri.UriSchemeHttp || explicitLogs.Scheme == Uri.UriSchemeHttps))
        {
            return explicitLogs;
        }

        var path = tracesEndpoint.GetLeftPart(UriPartial.Path);
        if (protocol != OtlpProtocol.HttpProtobuf)
        {
            return tracesEndpoint;
        }

        return path.EndsWith("/" + TracesPath, StringComparison.Ordinal)
            ? new Uri(path[..^TracesPath.Length] + LogsPath + tracesEndpoint.Query)
            : new Uri((path.EndsWith('/') ? path : path + "/") + LogsPath + tracesEndpoint.Query);
    }
}
