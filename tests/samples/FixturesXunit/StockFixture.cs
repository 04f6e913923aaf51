namespace FixturesXunit;

/// <summary>A class fixture that warms the service up in its constructor, before its class's first test.</summary>
public sealed class StockFixture
{
    public StockFixture() => Warehouse.CallAsync("class-fixture").GetAwaiter().GetResult();
}
