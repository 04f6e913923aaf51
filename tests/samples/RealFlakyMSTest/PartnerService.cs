using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealFlakyMSTest;

/// <summary>
/// The partners the shop depends on (rates, stock, mail, search, customer list), on a loopback
/// port in the test process. Like real dependencies on a bad day, some calls are slow now and
/// then, and some answer 503. Each request is served on its own task.
/// </summary>
public sealed class PartnerService : IDisposable
{
    private static readonly Lazy<PartnerService> Shared = new(() => new PartnerService());
    private readonly HttpListener listener = new();
    private readonly Mailbox mailbox = new();

    private PartnerService()
    {
        for (var attempt = 0; ; attempt++)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            listener.Prefixes.Add(BaseAddress.ToString());
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Prefixes.Clear();
            }
        }

        _ = Task.Run(AcceptAsync);
    }

    public static PartnerService Instance => Shared.Value;

    public Uri BaseAddress { get; private set; } = null!;

    public void Dispose() => listener.Close();

    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var (status, body) = path switch
        {
            _ when path.StartsWith("/rates/") || path.StartsWith("/reports/") => await SometimesSlowAsync(),
            "/stock/reserve" => await SometimesUnavailableAsync(),
            "/search/warmup" => await SometimesUnavailableAsync(),
            "/mail" => await mailbox.DeliverAsync(context.Request),
            _ when path.StartsWith("/mailbox/") => mailbox.Read(path["/mailbox/".Length..]),
            "/customers" => await SlowExportAsync(300, "[\"ana@example.com\",\"ben@example.com\"]"),
            "/archive" => await SlowExportAsync(500, "{}"),
            "/recommendations" => (200, "[\"SKU-1\",\"SKU-3\"]"),
            _ => (404, "no such route"),
        };

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The caller gave up (its timeout fired) before the answer was written.
        }
    }

    private static async Task<(int, string)> SometimesSlowAsync()
    {
        // Usually quick; about one call in five lands on a cold cache and takes over a second.
        var slow = Random.Shared.NextDouble() < 0.15;
        await Task.Delay(slow ? 1600 + Random.Shared.Next(600) : 20 + Random.Shared.Next(60));
        return (200, "{\"amount\":4.90}");
    }

    private static async Task<(int, string)> SometimesUnavailableAsync()
    {
        await Task.Delay(10 + Random.Shared.Next(30));
        return Random.Shared.NextDouble() < 0.2 ? (503, "{\"error\":\"overloaded\"}") : (200, "{}");
    }

    private static async Task<(int, string)> SlowExportAsync(int least, string body)
    {
        // Bulk endpoints: a second or so, depending on the partner's batch queue.
        await Task.Delay(least + Random.Shared.Next(1000));
        return (200, body);
    }
}
