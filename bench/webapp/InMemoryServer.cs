using System.Diagnostics;
using FlakyCollector.Recording.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace FlakyTrace.Bench.WebApp;

/// <summary>A one-endpoint app on TestServer, built with the listeners of one <see cref="BenchMode"/> in place.</summary>
public sealed class InMemoryServer : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ActivityListener? listener;
    private readonly HostBuildingObserver? observer;

    private InMemoryServer(IHost host, ActivityListener? listener, HostBuildingObserver? observer)
    {
        this.host = host;
        this.listener = listener;
        this.observer = observer;
        Client = host.GetTestClient();
    }

    public HttpClient Client { get; }

    private long serverSpansWithParent;

    public long ServerSpansWithParent => Interlocked.Read(ref serverSpansWithParent);

    public void ResetCount() => Interlocked.Exchange(ref serverSpansWithParent, 0);

    public static async Task<InMemoryServer> StartAsync(BenchMode mode)
    {
        ActivityListener? listener = null;
        InMemoryServer? server = null;
        if (mode != BenchMode.Untraced)
        {
            listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name is "FlakyTrace.Test" or "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.Kind == ActivityKind.Server && a.Parent is not null && server is not null)
                    {
                        Interlocked.Increment(ref server.serverSpansWithParent);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
        }

        var observer = mode == BenchMode.Followed ? new HostBuildingObserver() : null;
        var host = new HostBuilder()
            .ConfigureWebHost(web => web.UseTestServer().Configure(app => app.Run(context => context.Response.WriteAsync("ok"))))
            .Build();
        await host.StartAsync();
        server = new InMemoryServer(host, listener, observer);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.StopAsync();
        host.Dispose();
        observer?.Dispose();
        listener?.Dispose();
    }
}
