using System.Net.Http.Json;

namespace RealFlakyXunitV3Mtp;

public class StockTests
{
    [Fact]
    public async Task Reserves_Stock()
    {
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };

        using var response = await client.PostAsJsonAsync("stock/reserve", new Order("SKU-1", 2));

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Loads_Recommendations()
    {
        using var client = new HttpClient { BaseAddress = RecommendationReplicas.Pick() };

        var skus = await client.GetFromJsonAsync<string[]>("recommendations");

        Assert.NotEmpty(skus!);
    }
}
