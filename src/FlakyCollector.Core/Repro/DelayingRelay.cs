using System.Net;
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
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly string host;
    private readonly int port;
    private readonly TimeSpan delay;

    public DelayingRelay(string host, int port, TimeSpan delay)
    {
        (this.host, this.port, this.delay) = (host, port, delay);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient caller;
            try
            {
                caller = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                return;
            }

            _ = RelayAsync(caller);
        }
    }

    private async Task RelayAsync(TcpClient caller)
    {
        using (caller)
        using (var service = new TcpClient())
        {
            try
            {
                await Task.Delay(delay, stopping.Token).ConfigureAwait(false);
                await service.ConnectAsync(host, port, stopping.Token).ConfigureAwait(false);
                var (callerStream, serviceStream) = (caller.GetStream(), service.GetStream());
                // The call ends when either side closes: the service after its answer, or a caller that gave up.
                await Task.WhenAny(
                    callerStream.CopyToAsync(serviceStream, stopping.Token),
                    serviceStream.CopyToAsync(callerStream, stopping.Token)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A caller that gave up, a service that went away, or the end of the run: the call just ends.
            }
        }
    }
}
