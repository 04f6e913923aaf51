using System.Net;
using System.Net.Http.Json;

namespace RealFlakyNUnit;

public class CatalogTests
{
    [Test]
    public async Task Shows_Seasonal_Product()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.GetAsync("products/SKU-2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Lists_Products()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        var skus = await client.GetFromJsonAsync<string[]>("products");

        Assert.That(skus, Does.Contain("SKU-1"));
    }
}
