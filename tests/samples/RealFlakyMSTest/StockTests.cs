using System.Net.Http.Json;

namespace RealFlakyMSTest;

[TestClass]
public class StockTests
{
    [TestMethod]
    public async Task Reserves_Stock()
    {
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };

        using var response = await client.PostAsJsonAsync("stock/reserve", new Order("SKU-1", 2));

        response.EnsureSuccessStatusCode();
    }

    [TestMethod]
    public async Task Loads_Recommendations()
    {
        using var client = new HttpClient { BaseAddress = RecommendationReplicas.Pick() };

        var skus = await client.GetFromJsonAsync<string[]>("recommendations");

        Assert.IsTrue(skus!.Length > 0);
    }
}
