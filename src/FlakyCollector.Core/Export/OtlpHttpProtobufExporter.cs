using System.Net.Http.Headers;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Exports spans over OTLP/HTTP with protobuf bodies: one POST of an <c>ExportTraceServiceRequest</c>
/// per batch to the configured URL (normally ending in <c>/v1/traces</c>).
/// </summary>
internal sealed class OtlpHttpProtobufExporter : ITraceExporter, IOtlpTransport
{
    private const int MaxErrorBodyBytes = 16 * 1024;

    private readonly OtlpBatchSender sender;

    /// <summary>Creates an exporter that posts to <see cref="OtlpExporterSettings.Endpoint"/> as given.</summary>
    public OtlpHttpProtobufExporter(OtlpExporterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequestUri = settings.Endpoint;
        sender = new OtlpBatchSender(settings, this);
    }

    /// <summary>The URL the requests are posted to.</summary>
    public Uri RequestUri { get; }

    string IOtlpTransport.Protocol => "http/protobuf";

    int IOtlpTransport.FramePrefixLength => 0;

    string? IOtlpTransport.ProtocolErrorHint => null;

    /// <inheritdoc />
    public Task<ExportResult> ExportAsync(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans,
        CancellationToken cancellationToken = default) => sender.ExportAsync(resource, spans, cancellationToken);

    /// <summary>Closes connections, aborting any request still open.</summary>
    public void Dispose() => sender.Dispose();

    internal Task<ExportResult> ExportBodyAsync(IExportBody body, int count, CancellationToken cancellationToken) =>
        sender.ExportBodyAsync(body, count, cancellationToken);

    HttpRequestMessage IOtlpTransport.CreateRequest(byte[] body, TimeSpan remaining)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return new HttpRequestMessage(HttpMethod.Post, RequestUri) { Content = content };
    }

    async Task<ExportAttempt> IOtlpTransport.ReadResponseAsync(HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        // A success body may hold a partial_success; the spans it rejects are not retryable, so
        // the body is read only to free the connection.
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            if (response.IsSuccessStatusCode)
            {
                await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                return ExportAttempt.Success;
            }

            var code = (int)response.StatusCode;
            var detail = await OtlpErrorBody.ReadMessageAsync(body, response.Content.Headers.ContentType?.MediaType,
                MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? header.Date - DateTimeOffset.UtcNow
                : null;
            return ExportAttempt.Failed($"HTTP {code} {response.ReasonPhrase}{(detail is null ? "" : ": " + detail)}",
                ExportAttempt.IsRetryableHttpStatus(code), retryAfter);
        }
    }
}
