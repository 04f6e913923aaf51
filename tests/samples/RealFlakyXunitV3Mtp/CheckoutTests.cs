using System.Net;
using System.Net.Http.Json;

namespace RealFlakyXunitV3Mtp;

public class CheckoutTests
{
    [Fact]
    public async Task Places_Order()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("orders", new Order("SKU-3", 1));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
