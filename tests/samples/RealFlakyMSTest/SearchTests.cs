namespace RealFlakyMSTest;

[TestClass]
public class SearchTests
{
    private static HttpClient client = null!;

    [ClassInitialize]
    public static async Task WarmUpIndex(TestContext context)
    {
        // Warm the search partner's index once for the class, before its first test.
        client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        using var warmup = await client.PostAsync("search/warmup", new StringContent("{\"index\":\"products\"}"));
        warmup.EnsureSuccessStatusCode();
    }

    [ClassCleanup]
    public static void Dispose() => client.Dispose();

    [TestMethod]
    public async Task Finds_By_Name()
    {
        var found = await client.GetStringAsync("recommendations");
        Assert.Contains("SKU-1", found);
    }

    [TestMethod]
    public async Task Finds_By_Category()
    {
        var found = await client.GetStringAsync("recommendations");
        Assert.Contains("SKU-3", found);
    }

    [TestMethod]
    public async Task Ranks_Bestsellers_First()
    {
        var found = await client.GetStringAsync("recommendations");
        Assert.StartsWith("[\"SKU-1\"", found);
    }
}
