using System.Net.Http.Json;

namespace RealFlakyNUnit;

public class StockTests
{
    [Test]
    public async Task Reserves_Stock()
    {
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };

        using var response = await client.PostAsJsonAsync("stock/reserve", new Order("SKU-1", 2));

        response.EnsureSuccessStatusCode();
    }

    [Test]
    public async Task Loads_Recommendations()
    {
        using var client = new HttpClient { BaseAddress = RecommendationReplicas.Pick() };

        var skus = await client.GetFromJsonAsync<string[]>("recommendations");

        Assert.That(skus, Is.Not.Empty);
    }
}
