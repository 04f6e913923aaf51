using System.Diagnostics;
using System.Globalization;
using System.Net;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// The part of OTLP export that gRPC and HTTP/protobuf share: batching, the hard deadline, one
/// retry, headers, and turning every failure into a result instead of an exception.
/// </summary>
internal sealed class OtlpBatchSender : IDisposable
{
    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(200);

    // A retry that cannot finish before the deadline only turns a clear error into a timeout.
    private static readonly TimeSpan MinimumTimeForRetry = TimeSpan.FromMilliseconds(500);

    // The longest delay CancellationTokenSource.CancelAfter accepts.
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private static readonly string UserAgent =
        "FlakyCollector/" + (typeof(OtlpBatchSender).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly OtlpExporterSettings settings;
    private readonly IOtlpTransport transport;
    private readonly HttpClient client;
    private int disposed;

    public OtlpBatchSender(OtlpExporterSettings settings, IOtlpTransport transport)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.Endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Timeout, MaxTimeout);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxSpansPerRequest, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxRequestBytes, 1);
        this.settings = settings;
        this.transport = transport;

        // The deadline is enforced per call with a token; HttpClient's own timeout would only
        // add a second, unrelated clock.
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        };
        client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<ExportResult> ExportAsync(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(spans);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (spans.Count == 0)
        {
            return ExportResult.Success(0);
        }

        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        var sent = 0;
        try
        {
            foreach (var request in OtlpRequestBatcher.Split(resource, spans, settings.MaxSpansPerRequest,
                settings.MaxRequestBytes))
            {
                var attempt = await SendWithRetryAsync(request, started, deadline.Token).ConfigureAwait(false);
                if (!attempt.Succeeded)
                {
                    var cause = attempt.Error ?? (cancellationToken.IsCancellationRequested
                        ? "cancelled by the caller"
                        : string.Create(CultureInfo.InvariantCulture,
                            $"no answer within the export timeout of {settings.Timeout.TotalSeconds:0.###} s"));
                    return Failure(sent, spans.Count, cause);
                }

                sent += request.SpanCount;
            }
        }
        catch (Exception e)
        {
            // Only a bug or spans changed while being encoded get here; the run must go on.
            return Failure(sent, spans.Count, "could not encode the spans: " + ExportErrorText.Describe(e));
        }

        return ExportResult.Success(sent);
    }

    /// <summary>Sends one request of another signal (logs) with the same deadline, retry and headers; <paramref name="count"/> items in it.</summary>
    public async Task<ExportResult> ExportBodyAsync(IExportBody body, int count, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        var attempt = await SendWithRetryAsync(body, started, deadline.Token).ConfigureAwait(false);
        return attempt.Succeeded
            ? ExportResult.Success(count)
            : Failure(0, count, attempt.Error ?? string.Create(CultureInfo.InvariantCulture, $"no answer within the export timeout of {settings.Timeout.TotalSeconds:0.###} s"));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            // Aborts whatever an abandoned request still holds open.
            client.Dispose();
        }
    }

    private ExportResult Failure(int sent, int total, string cause)
    {
        var text = $"OTLP export ({transport.Protocol}) to {ExportErrorText.Endpoint(transport.RequestUri)} failed: "
            + $"{cause} ({sent} of {total} spans sent)";
        return ExportResult.Failure(sent, ExportErrorText.Sanitize(text, settings.Headers));
    }

    private async Task<ExportAttempt> SendWithRetryAsync(IExportBody request, long started,
        CancellationToken token)
    {
        var first = await SendOnceAsync(request, started, token).ConfigureAwait(false);
        if (first.Succeeded || !first.Retryable)
        {
            return first;
        }

        var delay = first.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : DefaultRetryDelay;
        if (Remaining(started) - delay < MinimumTimeForRetry)
        {
            return first;
        }

        try
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return first;
        }

        var second = await SendOnceAsync(request, started, token).ConfigureAwait(false);
        if (second.Succeeded)
        {
            return second;
        }

        return ExportAttempt.Failed(second.Error == first.Error
            ? $"{first.Error} (retried once)"
            : $"{first.Error}; retried once: {second.Error ?? "no answer before the export deadline"}");
    }

    private async Task<ExportAttempt> SendOnceAsync(IExportBody request, long started,
        CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            return ExportAttempt.Cancelled;
        }

        // A fresh exact-size array rather than a pooled one: an abandoned request may still be
        // reading its body when this method returns.
        var body = new byte[transport.FramePrefixLength + request.Size];
        request.WriteTo(body, transport.FramePrefixLength);
        var message = transport.CreateRequest(body, Remaining(started));
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var (name, value) in settings.Headers)
        {
            if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var send = SendAndReadAsync(message, token);
        try
        {
            // WaitAsync is the hard bound: it returns at the deadline even if some part of the
            // stack does not honour the token.
            return await send.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return ExportAttempt.Cancelled;
        }
        finally
        {
            if (send.IsCompleted)
            {
                message.Dispose();
            }
            else
            {
                _ = send.ContinueWith(_ => message.Dispose(), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private async Task<ExportAttempt> SendAndReadAsync(HttpRequestMessage message, CancellationToken token)
    {
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            return await transport.ReadResponseAsync(response, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return ExportAttempt.Cancelled;
        }
        catch (HttpRequestException e) when (transport.ProtocolErrorHint is not null
            && e.HttpRequestError is HttpRequestError.VersionNegotiationError or HttpRequestError.HttpProtocolError
                or HttpRequestError.Unknown)
        {
            return ExportAttempt.Failed(transport.ProtocolErrorHint + ": " + ExportErrorText.Describe(e));
        }
        catch (Exception e)
        {
            return ExportAttempt.Failed(ExportErrorText.Describe(e));
        }
    }

    private TimeSpan Remaining(long started) => settings.Timeout - Stopwatch.GetElapsedTime(started);
}
