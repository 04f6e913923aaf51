using System.Net;
using System.Net.Http.Json;

namespace RealFlakyXunit;

public class CatalogTests
{
    [Fact]
    public async Task Shows_Seasonal_Product()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.GetAsync("products/SKU-2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Lists_Products()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        var skus = await client.GetFromJsonAsync<string[]>("products");

        Assert.Contains("SKU-1", skus!);
    }
}
