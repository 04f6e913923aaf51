using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Exports spans over OTLP/gRPC without a gRPC library: one unary <c>TraceService/Export</c> call
/// per batch over HTTP/2 (prior knowledge on <c>http://</c>, ALPN on <c>https://</c>).
/// </summary>
internal sealed class OtlpGrpcExporter : ITraceExporter, IOtlpTransport
{
    /// <summary>The path of the OTLP trace service's Export method.</summary>
    public const string ServicePath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    // gRPC message frame: a compressed-flag byte, then the message length as a big-endian uint32.
    private const int FrameHeaderLength = 5;

    private static readonly string[] StatusNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    private readonly OtlpBatchSender sender;

    /// <summary>The path of the OTLP logs service's Export method.</summary>
    public const string LogsServicePath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";

    /// <summary>Creates an exporter for <see cref="OtlpExporterSettings.Endpoint"/> + <see cref="ServicePath"/>.</summary>
    public OtlpGrpcExporter(OtlpExporterSettings settings)
        : this(settings, ServicePath)
    {
    }

    /// <summary>An exporter for another signal's service (<see cref="LogsServicePath"/>) on the same server.</summary>
    internal OtlpGrpcExporter(OtlpExporterSettings settings, string servicePath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path,
            UriFormat.UriEscaped);
        RequestUri = new Uri(endpoint.TrimEnd('/') + servicePath);
        sender = new OtlpBatchSender(settings, this);
    }

    /// <summary>The URL the Export calls are posted to.</summary>
    public Uri RequestUri { get; }

    string IOtlpTransport.Protocol => "grpc";

    int IOtlpTransport.FramePrefixLength => FrameHeaderLength;

    // Pointing the gRPC exporter at an OTLP/HTTP port is the classic misconfiguration; the
    // runtime's messages about HTTP/2 handshakes and error codes do not say so.
    string? IOtlpTransport.ProtocolErrorHint =>
        "the endpoint may not speak HTTP/2, which gRPC needs (for an OTLP/HTTP port such as 4318 use the http/protobuf protocol)";

    /// <inheritdoc />
    public Task<ExportResult> ExportAsync(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans,
        CancellationToken cancellationToken = default) => sender.ExportAsync(resource, spans, cancellationToken);

    /// <summary>Closes connections, aborting any request still open.</summary>
    public void Dispose() => sender.Dispose();

    internal Task<ExportResult> ExportBodyAsync(IExportBody body, int count, CancellationToken cancellationToken) =>
        sender.ExportBodyAsync(body, count, cancellationToken);

    HttpRequestMessage IOtlpTransport.CreateRequest(byte[] body, TimeSpan remaining)
    {
        body[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)(body.Length - FrameHeaderLength));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, RequestUri)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");

        // Tells the server our deadline, so it can give up too (at most 8 digits, per the gRPC spec).
        var milliseconds = Math.Clamp((long)remaining.TotalMilliseconds, 1, 99_999_999);
        request.Headers.TryAddWithoutValidation("grpc-timeout",
            milliseconds.ToString(CultureInfo.InvariantCulture) + "m");
        return request;
    }

    async Task<ExportAttempt> IOtlpTransport.ReadResponseAsync(HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Not an answer from a gRPC server (a proxy, or an HTTP/2 server without the service).
            var code = (int)response.StatusCode;
            return ExportAttempt.Failed($"HTTP {code} {response.ReasonPhrase} instead of a gRPC response",
                ExportAttempt.IsRetryableHttpStatus(code), response.Headers.RetryAfter?.Delta);
        }

        // A trailers-only response (errors, usually) has the status in the headers; otherwise it
        // comes in the trailers, which exist only once the body has been read to its end.
        HttpHeaders statusSource = response.Headers;
        var status = First(response.Headers, "grpc-status");
        if (status is null)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            statusSource = response.TrailingHeaders;
            status = First(response.TrailingHeaders, "grpc-status");
        }

        if (status is null || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var grpcStatus))
        {
            return ExportAttempt.Failed("the response has no valid grpc-status (is the endpoint an OTLP gRPC receiver?)");
        }

        if (grpcStatus == 0)
        {
            return ExportAttempt.Success;
        }

        var name = grpcStatus < StatusNames.Length ? StatusNames[grpcStatus] : "UNKNOWN";
        var message = First(statusSource, "grpc-message") is { Length: > 0 } encoded
            ? ": " + Uri.UnescapeDataString(encoded)
            : string.Empty;

        // The codes the OTLP specification lists as retryable.
        var retryable = grpcStatus is 1 or 4 or 10 or 11 or 14 or 15;
        return ExportAttempt.Failed($"gRPC status {name} ({grpcStatus}){message}", retryable);
    }

    private static string? First(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;
}
