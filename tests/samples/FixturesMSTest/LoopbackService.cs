using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FixturesMSTest;

/// <summary>
/// A tiny HTTP service on a free loopback port, standing in for a service under test.
/// It answers every request with 200 "ok" and remembers the <c>traceparent</c> header it received.
/// </summary>
public sealed class LoopbackService : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private LoopbackService(HttpListener listener, string url)
    {
        _listener = listener;
        Url = url;
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>The traceparent header of the last request, or null if it had none.</summary>
    public string? LastTraceparent { get; private set; }

    public static LoopbackService Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new LoopbackService(listener, url);
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
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            LastTraceparent = context.Request.Headers["traceparent"];
            var body = Encoding.UTF8.GetBytes("ok");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The serve loop ends with the listener; nothing to report.
        }
    }
}
