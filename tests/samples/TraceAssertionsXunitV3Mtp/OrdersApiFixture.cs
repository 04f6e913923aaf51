namespace TraceAssertionsXunitV3Mtp;

/// <summary>The orders API on Kestrel in this test process, started once for the test class.</summary>
public sealed class OrdersApiFixture : IAsyncLifetime
{
    private OrdersApp? app;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // 4 s: a first call on a loaded machine fits well inside it.
        app = await OrdersApp.StartAsync(new PaymentsSettings { Timeout = TimeSpan.FromSeconds(4) });
        Client = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
