namespace FixturesXunit;

public class StockTests(StockFixture stock) : IClassFixture<StockFixture>
{
    [Fact]
    public Task Counts() => Warehouse.CallAsync("test");

    [Fact]
    public void Reserves() => Assert.NotNull(stock);
}

[Collection("Catalog")]
public class CatalogSearchTests
{
    [Fact]
    public Task Searches() => Warehouse.CallAsync("test");
}

[Collection("Catalog")]
public class CatalogBrowseTests
{
    [Fact]
    public void Browses() => Assert.True(true);
}

public class PlainTests
{
    [Fact]
    public Task Calls() => Warehouse.CallAsync("test");
}
