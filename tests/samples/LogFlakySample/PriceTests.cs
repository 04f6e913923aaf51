using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LogFlakySample;

/// <summary>
/// The app answers from a stale cache in about a third of requests. Nothing else differs: the same
/// query, the same spans, similar timing. Only the app's log says "Used the cached price".
/// </summary>
public sealed class PriceTests : IClassFixture<PriceTests.StaleCacheFactory>
{
    private readonly StaleCacheFactory factory;

    public PriceTests(StaleCacheFactory factory) => this.factory = factory;

    [Fact]
    public async Task Quote_UsesTheCurrentPrice()
    {
        var price = await factory.CreateClient().GetStringAsync("/prices/A-3");

        Assert.Equal("13.00", price);
    }

    [Fact]
    public async Task Quote_OtherItem()
    {
        var price = await factory.CreateClient().GetStringAsync("/prices/A-5");

        Assert.Equal("15.00", price);
    }

    public sealed class StaleCacheFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Prices:CacheChance", "0.35");
    }
}
