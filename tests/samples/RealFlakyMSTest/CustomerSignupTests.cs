using System.Net;
using System.Net.Http.Json;

namespace RealFlakyMSTest;

[TestClass]
public class CustomerSignupTests
{
    [TestMethod]
    public async Task Signs_Up_Customer()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers", new Customer("ana@example.com"));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
    }

    [TestMethod]
    public async Task Rejects_Invalid_Email()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers", new Customer("not-an-email"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
