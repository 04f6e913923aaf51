using System.Net;
using System.Net.Http.Json;

namespace RealFlakyNUnit;

public class CheckoutTests
{
    [Test]
    public async Task Places_Order()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("orders", new Order("SKU-3", 1));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
