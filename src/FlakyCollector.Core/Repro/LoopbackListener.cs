using System.Net;
using System.Net.Sockets;

namespace FlakyCollector.Repro;

/// <summary>
/// A TCP listener on a free loopback port that hands each connection to its handler on a task of
/// its own, until it is disposed: what repro's stand-ins for a service share (the server that answers
/// a status, the relay that makes a call slow). The handler's failure ends that connection only.
/// </summary>
internal sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<TcpClient, CancellationToken, Task> serve;

    public LoopbackListener(Func<TcpClient, CancellationToken, Task> serve)
    {
        this.serve = serve;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
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
            try
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
                _ = Task.Run(() => ServeAsync(client));
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // One bad connection does not stop the others.
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await serve(client, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The client went away, the service did, or the run ended: this connection just ends.
            }
        }
    }
}
