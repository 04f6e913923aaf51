using System.Net.Http.Json;

namespace RealFlakyXunitV3Mtp;

public class CustomerImportTests
{
    [Fact]
    public async Task Imports_Partner_Customers()
    {
        // Imports the partner's real customer list into the shared shop, and leaves it there.
        using var partners = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        var emails = await partners.GetFromJsonAsync<string[]>("customers");
        var shop = await ShopApp.InstanceAsync();
        using var client = shop.CreateClient();

        using var response = await client.PostAsJsonAsync("customers/import", emails);

        response.EnsureSuccessStatusCode();
    }
}
