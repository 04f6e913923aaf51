namespace FlakyCollector.Export;

/// <summary>Where and how an OTLP exporter sends spans.</summary>
internal sealed record OtlpExporterSettings
{
    /// <summary>Requests of the OpenTelemetry SDKs carry at most this many spans by default.</summary>
    public const int DefaultMaxSpansPerRequest = 512;

    /// <summary>Just under the 4 MiB that gRPC servers, the OpenTelemetry Collector's included, accept by default.</summary>
    public const int DefaultMaxRequestBytes = 4_000_000;

    /// <summary>
    /// For HTTP/protobuf the full URL requests go to (usually ending in <c>/v1/traces</c>); for
    /// gRPC the server's base address, to which the service path is appended.
    /// </summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Headers sent with every request (API keys, tenant ids). Their values never appear in errors.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// The hard bound on one <see cref="ITraceExporter.ExportAsync"/> call, all requests and the
    /// retry included: whatever is not done by then is abandoned.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxSpansPerRequest { get; init; } = DefaultMaxSpansPerRequest;

    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;
}
