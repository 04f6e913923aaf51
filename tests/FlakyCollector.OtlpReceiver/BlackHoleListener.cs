using System.Net;
using System.Net.Sockets;

namespace FlakyCollector.Testing;

/// <summary>
/// A TCP port that accepts connections and never reads or writes a byte: the endpoint that
/// makes naive exporters hang. Dispose closes everything.
/// </summary>
public sealed class BlackHoleListener : IDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Socket> accepted = [];
    private readonly Task acceptLoop;

    public BlackHoleListener()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        acceptLoop = AcceptAsync();
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public Uri Endpoint { get; }

    public int AcceptedConnections
    {
        get
        {
            lock (accepted)
            {
                return accepted.Count;
            }
        }
    }

    /// <summary>
    /// A loopback URL on a port nothing listens on, so connecting is refused at once. The port stays
    /// bound (never listening) for the life of the process: a port merely found free and let go
    /// could be taken by a server of a test running alongside, which would then answer.
    /// </summary>
    public static Uri RefusingEndpoint() => HeldPort.Value.Endpoint;

    // The socket is kept referenced here: a collected socket would close and free the port.
    private static readonly Lazy<(Socket Socket, Uri Endpoint)> HeldPort = new(() =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (socket, new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}"));
    });

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        lock (accepted)
        {
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }

            accepted.Clear();
        }

        acceptLoop.Wait(TimeSpan.FromSeconds(2));
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
                lock (accepted)
                {
                    accepted.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
