using System.Net.Sockets;

namespace FlakyCollector.Repro;

/// <summary>
/// A loopback TCP relay in front of one plain-HTTP service: each connection waits for the delay,
/// then is piped to the service. A slow call of the test under repro is sent through it (with
/// <c>Connection: close</c>, one connection per call), so the call is slow while it is on the wire,
/// as a slow service makes it: the caller waits asynchronously, and its own deadline or
/// <c>HttpClient.Timeout</c> cancels it there, with the text the failing runs had.
/// </summary>
internal sealed class DelayingRelay : IDisposable
{
    private readonly string host;
    private readonly int port;
    private readonly TimeSpan delay;
    private readonly LoopbackListener connections;

    public DelayingRelay(string host, int port, TimeSpan delay)
    {
        (this.host, this.port, this.delay) = (host, port, delay);
        connections = new LoopbackListener(RelayAsync);
    }

    public int Port => connections.Port;

    public void Dispose() => connections.Dispose();

    private async Task RelayAsync(TcpClient caller, CancellationToken stopping)
    {
        using var service = new TcpClient();
        await Task.Delay(delay, stopping).ConfigureAwait(false);
        await service.ConnectAsync(host, port, stopping).ConfigureAwait(false);
        var (callerStream, serviceStream) = (caller.GetStream(), service.GetStream());
        // The call ends when either side closes: the service after its answer, or a caller that gave up.
        await Task.WhenAny(callerStream.CopyToAsync(serviceStream, stopping), serviceStream.CopyToAsync(callerStream, stopping)).ConfigureAwait(false);
    }
}
