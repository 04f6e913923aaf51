using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AttributionXunit;

/// <summary>
/// One HTTP service on a free loopback port, shared by every test of the assembly. It answers
/// each request after a random delay of a few milliseconds (so calls of different tests
/// interleave) with the value of its <c>test</c> query parameter, and serves requests concurrently.
/// </summary>
public sealed class EchoService : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private int _requests;

    private EchoService(HttpListener listener, string url)
    {
        _listener = listener;
        Url = url;
        // The service belongs to no test: its loop must not inherit the context of whoever started it.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(ServeAsync);
        }
    }

    public string Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static EchoService Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new EchoService(listener, url);
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            Interlocked.Increment(ref _requests);
            await Task.Delay(Random.Shared.Next(2, 15));
            var body = Encoding.UTF8.GetBytes(context.Request.QueryString["test"] ?? "");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away or the service is stopping.
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
