using System.Net;

namespace FlakyTrace.Bench.TraceApi;

/// <summary>An HTTP server on loopback that answers every request with an empty 200, for the tests to call.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();

    public LoopbackServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Random.Shared.Next(20_000, 60_000)}/");
            listener.Prefixes.Clear();
            listener.Prefixes.Add(BaseAddress.ToString());
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                // The port was taken: try another.
            }
        }

        _ = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
        }
    }
}
