using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FlakyCollector.Repro;

/// <summary>
/// A minimal HTTP/1.1 server on loopback that reads each request whole and answers every one with
/// the same status and an empty body, then closes the connection: the dependency on its bad day.
/// </summary>
internal sealed class LoopbackStatusServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly byte[] response;

    public LoopbackStatusServer(int status)
    {
        var reason = status switch
        {
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            429 => "Too Many Requests",
            _ => "Injected",
        };
        response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
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
                _ = Task.Run(() => AnswerAsync(client));
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

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream).ConfigureAwait(false);
                await stream.WriteAsync(response, stopping.Token).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    // Reads the head and a Content-Length body, so that closing never resets a request still being sent.
    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var head = new StringBuilder();
        int end;
        while ((end = head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await stream.ReadAsync(buffer, stopping.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        var text = head.ToString();
        var remaining = ContentLength(text[..end]) - (text.Length - end - 4);
        while (remaining > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), stopping.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line["Content-Length:".Length..].Trim(), out var length))
            {
                return length;
            }
        }

        return 0;
    }
}
