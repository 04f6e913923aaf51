using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Trace.V1;

namespace FlakyCollector.Testing;

/// <summary>
/// A real OTLP trace receiver on loopback for tests: gRPC on an HTTP/2 cleartext port and
/// OTLP/HTTP (protobuf) on an HTTP/1.1 port, both on ephemeral ports. Thread-safe.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable, IDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly object gate = new();
    private readonly List<ReceivedExport> exports = [];
    private readonly List<ReceivedLogs> logs = [];
    private int requestCount;
    private int failuresLeft;
    private int firstAnswerTaken;
    private int firstAnswered;
    private volatile OtlpReceiverMode mode;
    private int disposed;

    private OtlpReceiver(WebApplication app, OtlpReceiverMode mode)
    {
        this.app = app;
        this.mode = mode;
    }

    /// <summary>The gRPC base address (<c>http://127.0.0.1:port</c>), HTTP/2 with prior knowledge only.</summary>
    public Uri GrpcEndpoint { get; private set; } = null!;

    /// <summary>The OTLP/HTTP base address (<c>http://127.0.0.1:port</c>), HTTP/1.1 only.</summary>
    public Uri HttpEndpoint { get; private set; } = null!;

    /// <summary>The full OTLP/HTTP traces URL: <see cref="HttpEndpoint"/> + <c>/v1/traces</c>.</summary>
    public Uri HttpTracesUrl => new(HttpEndpoint, "/v1/traces");

    public OtlpReceiverMode Mode
    {
        get => mode;
        set => mode = value;
    }

    /// <summary>The next this-many requests fail as in <see cref="OtlpReceiverMode.Status503"/>, then it recovers.</summary>
    public int FailNextRequests
    {
        get => Volatile.Read(ref failuresLeft);
        set => Volatile.Write(ref failuresLeft, value);
    }

    /// <summary>
    /// How long the first trace export request's answer is held after it was recorded, as a
    /// receiver on a loaded machine, or one still starting, answers late.
    /// </summary>
    public TimeSpan FirstAnswerDelay { get; set; }

    /// <summary>True once the first trace export request's answer left, after <see cref="FirstAnswerDelay"/>.</summary>
    public bool FirstAnswered => Volatile.Read(ref firstAnswered) == 1;

    /// <summary>Export requests that arrived on either endpoint, whatever the answer.</summary>
    public int RequestCount => Volatile.Read(ref requestCount);

    /// <summary>The accepted requests, in arrival order (a snapshot).</summary>
    public IReadOnlyList<ReceivedExport> Exports
    {
        get
        {
            lock (gate)
            {
                return [.. exports];
            }
        }
    }

    /// <summary>All spans of the accepted requests (a snapshot).</summary>
    public IReadOnlyList<Span> Spans =>
        [.. Exports.SelectMany(e => e.Request.ResourceSpans).SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans)];

    public int SpanCount => Exports.Sum(e => e.SpanCount);

    /// <summary>The accepted logs export requests, in arrival order (a snapshot).</summary>
    public IReadOnlyList<ReceivedLogs> LogExports
    {
        get
        {
            lock (gate)
            {
                return [.. logs];
            }
        }
    }

    /// <summary>All log records of the accepted logs requests (a snapshot).</summary>
    public IReadOnlyList<OpenTelemetry.Proto.Logs.V1.LogRecord> LogRecords =>
        [.. LogExports.SelectMany(e => e.Request.ResourceLogs).SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords)];

    internal CancellationToken Stopping => stopping.Token;

    /// <summary>Starts a receiver; it is listening when the task completes.</summary>
    public static async Task<OtlpReceiver> StartAsync(OtlpReceiverMode mode = OtlpReceiverMode.Normal)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OtlpReceiver).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        ListenOptions? grpc = null;
        ListenOptions? http = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, o => (grpc = o).Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, o => (http = o).Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });

        var app = builder.Build();
        var receiver = new OtlpReceiver(app, mode);
        app.Run(context => OtlpLogsRequestHandler.Handles(context.Request.Path)
            ? OtlpLogsRequestHandler.HandleAsync(context, receiver)
            : OtlpTraceRequestHandler.HandleAsync(context, receiver));
        await app.StartAsync().ConfigureAwait(false);

        // Kestrel writes the bound ephemeral port back into the listen options.
        receiver.GrpcEndpoint = new Uri($"http://127.0.0.1:{grpc!.IPEndPoint!.Port}");
        receiver.HttpEndpoint = new Uri($"http://127.0.0.1:{http!.IPEndPoint!.Port}");
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> spans arrived; false on timeout.</summary>
    public async Task<bool> WaitForSpansAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (SpanCount < count)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Releases hanging requests and stops both endpoints within about two seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal int CountRequest() => Interlocked.Increment(ref requestCount);

    /// <summary>Holds the first trace request's answer for <see cref="FirstAnswerDelay"/>; later ones go at once.</summary>
    internal async Task DelayFirstAnswerAsync()
    {
        if (Interlocked.Exchange(ref firstAnswerTaken, 1) == 1)
        {
            return;
        }

        if (FirstAnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(FirstAnswerDelay, Stopping).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        Volatile.Write(ref firstAnswered, 1);
    }

    /// <summary>Whether this request must fail: always in Status503 mode, else while failures are left.</summary>
    internal bool TakeFailure()
    {
        if (mode == OtlpReceiverMode.Status503)
        {
            return true;
        }

        int left;
        do
        {
            left = Volatile.Read(ref failuresLeft);
            if (left <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref failuresLeft, left - 1, left) != left);
        return true;
    }

    internal void RecordLogs(ReceivedLogs received)
    {
        lock (gate)
        {
            logs.Add(received);
        }
    }

    internal void Record(ReceivedExport export)
    {
        lock (gate)
        {
            exports.Add(export);
        }
    }
}
