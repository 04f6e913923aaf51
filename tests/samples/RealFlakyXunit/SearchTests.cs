namespace RealFlakyXunit;

public class SearchTests(SearchIndexFixture index) : IClassFixture<SearchIndexFixture>
{
    [Fact]
    public async Task Finds_By_Name()
    {
        var found = await index.Client.GetStringAsync("recommendations");
        Assert.Contains("SKU-1", found);
    }

    [Fact]
    public async Task Finds_By_Category()
    {
        var found = await index.Client.GetStringAsync("recommendations");
        Assert.Contains("SKU-3", found);
    }

    [Fact]
    public async Task Ranks_Bestsellers_First()
    {
        var found = await index.Client.GetStringAsync("recommendations");
        Assert.StartsWith("[\"SKU-1\"", found);
    }
}
