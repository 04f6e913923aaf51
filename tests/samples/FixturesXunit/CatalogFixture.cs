namespace FixturesXunit;

/// <summary>A collection fixture that warms up, then seeds after an await: both calls serve the collection's classes.</summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await Warehouse.CallAsync("collection-fixture-warmup");
        await Task.Yield();
        await Warehouse.CallAsync("collection-fixture-seed");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
