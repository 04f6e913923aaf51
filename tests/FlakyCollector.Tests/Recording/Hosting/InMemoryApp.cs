using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlakyCollector.Tests.Recording.Hosting;

/// <summary>
/// A generic host with TestServer whose one endpoint reports what the request saw: culture, a value
/// the caller set in an AsyncLocal, IHttpContextAccessor, and the server Activity's ids. A hosted
/// service notes the Activity it starts under.
/// </summary>
public sealed class InMemoryApp : IAsyncDisposable
{
    public static readonly AsyncLocal<string?> CallerValue = new();

    private readonly IHost host;

    private InMemoryApp(IHost host) => this.host = host;

    public StartObserver HostedService => host.Services.GetRequiredService<StartObserver>();

    public static async Task<InMemoryApp> StartAsync(bool appPreservesContext = false)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer(options => options.PreserveExecutionContext = appPreservesContext)
                .ConfigureServices(services => services.AddHttpContextAccessor().AddSingleton<StartObserver>().AddHostedService(sp => sp.GetRequiredService<StartObserver>()))
                .Configure(app => app.Run(context => context.Response.WriteAsJsonAsync(Observe(context.RequestServices.GetRequiredService<IHttpContextAccessor>())))))
            .Build();
        await host.StartAsync();
        return new InMemoryApp(host);
    }

    public async Task<ServerObservation> GetAsync(string path)
    {
        using var client = host.GetTestClient();
        return (await client.GetFromJsonAsync<ServerObservation>(path))!;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static ServerObservation Observe(IHttpContextAccessor accessor) => new(
        CultureInfo.CurrentCulture.Name,
        CallerValue.Value,
        accessor.HttpContext?.Request.Path.Value,
        Activity.Current?.TraceId.ToHexString(),
        Activity.Current?.ParentSpanId.ToHexString());

    /// <summary>A hosted service that records the Activity current when it starts, and in the loop it starts.</summary>
    public sealed class StartObserver : IHostedService
    {
        private readonly TaskCompletionSource<Activity?> loop = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Activity? AtStart { get; private set; }

        public Task<Activity?> InLoop => loop.Task;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            AtStart = Activity.Current;
            _ = Task.Run(async () =>
            {
                await Task.Delay(10, CancellationToken.None);
                loop.TrySetResult(Activity.Current);
            }, CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
