namespace WebAppXunitV3Mtp;

/// <summary>
/// Four tests that each read one order through the app in memory and print the
/// <c>traceparent</c> the stock service received. Four classes derive from it, one factory each
/// (IClassFixture), and run in parallel: sixteen tests, four apps, four tickers.
/// </summary>
public abstract class OrderTests(OrdersFactory factory, ITestOutputHelper output)
{
    [Fact]
    public Task Reads_Order_1() => ReadAsync(1);

    [Fact]
    public Task Reads_Order_2() => ReadAsync(2);

    [Fact]
    public Task Reads_Order_3() => ReadAsync(3);

    [Fact]
    public Task Reads_Order_4() => ReadAsync(4);

    private async Task ReadAsync(int number)
    {
        var id = $"{GetType().Name}-{number}";
        var body = await factory.CreateClient().GetStringAsync($"/orders/{id}");

        output.WriteLine(body);
        Assert.StartsWith($"order {id}; traceparent=", body, StringComparison.Ordinal);
    }
}

public sealed class NorthOrders(OrdersFactory factory, ITestOutputHelper output) : OrderTests(factory, output), IClassFixture<OrdersFactory>;

public sealed class SouthOrders(OrdersFactory factory, ITestOutputHelper output) : OrderTests(factory, output), IClassFixture<OrdersFactory>;

public sealed class EastOrders(OrdersFactory factory, ITestOutputHelper output) : OrderTests(factory, output), IClassFixture<OrdersFactory>;

public sealed class WestOrders(OrdersFactory factory, ITestOutputHelper output) : OrderTests(factory, output), IClassFixture<OrdersFactory>;
