using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebAppXunitV3Mtp;

/// <summary>
/// The app's downstream dependency: a tiny HTTP service on a free loopback port, shared by every
/// test. It answers <c>GET /stock/{id}</c> with the <c>traceparent</c> header it received
/// (or <c>none</c>), so each test can print what the service saw of its trace.
/// </summary>
public sealed class StockService
{
    private static readonly Lazy<StockService> Shared = new(Start);

    private readonly HttpListener listener;

    private StockService(HttpListener listener, string url)
    {
        this.listener = listener;
        Url = url;
        _ = Task.Run(ServeAsync);
    }

    public static StockService Instance => Shared.Value;

    public string Url { get; }

    private static StockService Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new StockService(listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another one.
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes($"traceparent={context.Request.Headers["traceparent"] ?? "none"}");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
