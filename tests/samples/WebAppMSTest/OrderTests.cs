namespace WebAppMSTest;

/// <summary>
/// Four tests that each read one order through the app in memory and print the
/// <c>traceparent</c> the stock service received. Four classes derive from it, one factory each
/// (a static of the class), and run in parallel: sixteen tests, four apps, four tickers.
/// </summary>
public abstract class OrderTests
{
    protected abstract OrdersFactory Factory { get; }

    [TestMethod]
    public Task Reads_Order_1() => ReadAsync(1);

    [TestMethod]
    public Task Reads_Order_2() => ReadAsync(2);

    [TestMethod]
    public Task Reads_Order_3() => ReadAsync(3);

    [TestMethod]
    public Task Reads_Order_4() => ReadAsync(4);

    private async Task ReadAsync(int number)
    {
        var id = $"{GetType().Name}-{number}";
        var body = await Factory.CreateClient().GetStringAsync($"/orders/{id}");

        Console.WriteLine(body);
        Assert.StartsWith($"order {id}; traceparent=", body);
    }
}

[TestClass]
public sealed class NorthOrders : OrderTests
{
    private static readonly OrdersFactory Shared = new();

    protected override OrdersFactory Factory => Shared;
}

[TestClass]
public sealed class SouthOrders : OrderTests
{
    private static readonly OrdersFactory Shared = new();

    protected override OrdersFactory Factory => Shared;
}

[TestClass]
public sealed class EastOrders : OrderTests
{
    private static readonly OrdersFactory Shared = new();

    protected override OrdersFactory Factory => Shared;
}

[TestClass]
public sealed class WestOrders : OrderTests
{
    private static readonly OrdersFactory Shared = new();

    protected override OrdersFactory Factory => Shared;
}
