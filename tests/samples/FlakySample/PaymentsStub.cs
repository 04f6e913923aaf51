using System.Net;

namespace FlakySample;

/// <summary>
/// A payments service on loopback that, like a real dependency on a bad day, answers
/// 503 Service Unavailable to about one request in three (<see cref="SampleSwitches.PaymentsFail"/> pins it).
/// </summary>
public sealed class PaymentsStub : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();

    public PaymentsStub()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(Random.Shared.Next(5, 25));
            context.Response.StatusCode = (SampleSwitches.PaymentsFail ?? Random.Shared.NextDouble() < 0.45) ? 503 : 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
