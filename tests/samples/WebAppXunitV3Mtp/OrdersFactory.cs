using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebAppXunitV3Mtp;

/// <summary>The usual test-side factory: the app in memory, pointed at the loopback stock service.</summary>
public sealed class OrdersFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("StockUrl", StockService.Instance.Url);
}
