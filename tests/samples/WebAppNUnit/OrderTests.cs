namespace WebAppNUnit;

/// <summary>
/// Four tests that each read one order through the app in memory and print the
/// <c>traceparent</c> the stock service received. Four fixtures derive from it, one factory each
/// (made in [OneTimeSetUp]), and run in parallel: sixteen tests, four apps, four tickers.
/// </summary>
public abstract class OrderTests
{
    private OrdersFactory factory = null!;

    [OneTimeSetUp]
    public void StartApp() => factory = new OrdersFactory();

    [OneTimeTearDown]
    public void StopApp() => factory.Dispose();

    [Test]
    public Task Reads_Order_1() => ReadAsync(1);

    [Test]
    public Task Reads_Order_2() => ReadAsync(2);

    [Test]
    public Task Reads_Order_3() => ReadAsync(3);

    [Test]
    public Task Reads_Order_4() => ReadAsync(4);

    private async Task ReadAsync(int number)
    {
        var id = $"{GetType().Name}-{number}";
        var body = await factory.CreateClient().GetStringAsync($"/orders/{id}");

        TestContext.Out.WriteLine(body);
        Assert.That(body, Does.StartWith($"order {id}; traceparent="));
    }
}

public sealed class NorthOrders : OrderTests;

public sealed class SouthOrders : OrderTests;

public sealed class EastOrders : OrderTests;

public sealed class WestOrders : OrderTests;
