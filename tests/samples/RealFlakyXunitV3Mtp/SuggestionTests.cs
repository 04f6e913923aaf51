namespace RealFlakyXunitV3Mtp;

[Collection("Search")]
public class SuggestionTests(SearchIndexFixture index)
{
    [Fact]
    public async Task Ranks_Bestsellers_First()
    {
        var found = await index.Client.GetStringAsync("recommendations", TestContext.Current.CancellationToken);
        Assert.StartsWith("[\"SKU-1\"", found);
    }

    [Fact]
    public async Task Suggests_Accessories()
    {
        var found = await index.Client.GetStringAsync("recommendations", TestContext.Current.CancellationToken);
        Assert.EndsWith("]", found);
    }
}
