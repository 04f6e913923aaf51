using System.Net;
using System.Net.Http.Json;

namespace RealFlakyMSTest;

[TestClass]
public class CheckoutTests
{
    [TestMethod]
    public async Task Places_Order()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("orders", new Order("SKU-3", 1));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
    }
}
