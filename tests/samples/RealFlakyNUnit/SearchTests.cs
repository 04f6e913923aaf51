namespace RealFlakyNUnit;

public class SearchTests
{
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task WarmUpIndex()
    {
        // Warm the search partner's index once for the fixture, before its first test.
        client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        using var warmup = await client.PostAsync("search/warmup", new StringContent("{\"index\":\"products\"}"));
        warmup.EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public void Dispose() => client.Dispose();

    [Test]
    public async Task Finds_By_Name()
    {
        var found = await client.GetStringAsync("recommendations");
        Assert.That(found, Does.Contain("SKU-1"));
    }

    [Test]
    public async Task Finds_By_Category()
    {
        var found = await client.GetStringAsync("recommendations");
        Assert.That(found, Does.Contain("SKU-3"));
    }

    [Test]
    public async Task Ranks_Bestsellers_First()
    {
        var found = await client.GetStringAsync("recommendations");
        Assert.That(found, Does.StartWith("[\"SKU-1\""));
    }
}
