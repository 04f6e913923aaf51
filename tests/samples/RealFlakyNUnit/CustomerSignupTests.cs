using System.Net;
using System.Net.Http.Json;

namespace RealFlakyNUnit;

public class CustomerSignupTests
{
    [Test]
    public async Task Signs_Up_Customer()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers", new Customer("ana@example.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Rejects_Invalid_Email()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers", new Customer("not-an-email"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
