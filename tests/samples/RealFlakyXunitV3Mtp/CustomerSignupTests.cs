using System.Net;
using System.Net.Http.Json;

namespace RealFlakyXunitV3Mtp;

public class CustomerSignupTests
{
    [Fact]
    public async Task Signs_Up_Customer()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers", new Customer("ana@example.com"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Rejects_Invalid_Email()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers", new Customer("not-an-email"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
