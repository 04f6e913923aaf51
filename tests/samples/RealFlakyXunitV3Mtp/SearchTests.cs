namespace RealFlakyXunitV3Mtp;

[Collection("Search")]
public class SearchTests(SearchIndexFixture index)
{
    [Fact]
    public async Task Finds_By_Name()
    {
        var found = await index.Client.GetStringAsync("recommendations", TestContext.Current.CancellationToken);
        Assert.Contains("SKU-1", found);
    }

    [Fact]
    public async Task Finds_By_Category()
    {
        var found = await index.Client.GetStringAsync("recommendations", TestContext.Current.CancellationToken);
        Assert.Contains("SKU-3", found);
    }
}
