using System.Net.Sockets;
using System.Text;

namespace FlakyCollector.Repro;

/// <summary>
/// A minimal HTTP/1.1 server on loopback that reads each request whole and answers every one with
/// the same status and an empty body, then closes the connection: the dependency on its bad day.
/// </summary>
internal sealed class LoopbackStatusServer : IDisposable
{
    private readonly byte[] response;
    private readonly LoopbackListener connections;

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
        connections = new LoopbackListener(AnswerAsync);
    }

    public int Port => connections.Port;

    public void Dispose() => connections.Dispose();

    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        var stream = client.GetStream();
        await ReadRequestAsync(stream, stopping).ConfigureAwait(false);
        await stream.WriteAsync(response, stopping).ConfigureAwait(false);
        client.Client.Shutdown(SocketShutdown.Send);
    }

    // Reads the head and a Content-Length body, so that closing never resets a request still being sent.
    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken stopping)
    {
        var buffer = new byte[8192];
        var head = new StringBuilder();
        int end;
        while ((end = head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await stream.ReadAsync(buffer, stopping).ConfigureAwait(false);
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
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), stopping).ConfigureAwait(false);
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
