namespace FixturesNUnit;

public class StockTests
{
    // Warms the service up once, before the fixture's first test, then seeds after an await.
    [OneTimeSetUp]
    public async Task WarmUp()
    {
        await Warehouse.CallAsync("one-time-setup");
        await Task.Yield();
        await Warehouse.CallAsync("one-time-setup-seed");
    }

    [Test]
    public Task Counts() => Warehouse.CallAsync("test");

    [Test]
    public void Reserves() => Assert.Pass();
}

public class PlainTests
{
    [Test]
    public Task Calls() => Warehouse.CallAsync("test");
}
