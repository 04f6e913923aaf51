using System.Net;
using System.Net.Http.Json;

namespace RealFlakyMSTest;

[TestClass]
public class CatalogTests
{
    [TestMethod]
    public async Task Shows_Seasonal_Product()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.GetAsync("products/SKU-2");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Lists_Products()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        var skus = await client.GetFromJsonAsync<string[]>("products");

        Assert.Contains("SKU-1", skus!);
    }
}
