using System.Net;

namespace RealFlakyNUnit;

public class CatalogCleanupTests
{
    [Test]
    public async Task Discontinues_Seasonal_Product()
    {
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();
        using var partners = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };

        // Archive the product at the partner first, then take it out of the (shared) catalogue.
        using var archived = await partners.PostAsync("archive", new StringContent("{\"sku\":\"SKU-2\"}"));
        using var deleted = await client.DeleteAsync("products/SKU-2");
        using var after = await client.GetAsync("products/SKU-2");

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
