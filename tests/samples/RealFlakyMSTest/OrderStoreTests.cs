namespace RealFlakyMSTest;

[TestClass]
public class OrderStoreTests
{
    [TestMethod]
    public async Task Saves_Order()
    {
        // Each statement waits briefly for a connection, as the app's own repository does.
        await ConnectionPool.QueryAsync("INSERT INTO orders VALUES (@id, @total)",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20));
        await Task.Delay(150);
        await ConnectionPool.QueryAsync("INSERT INTO order_lines VALUES (@id, @sku, @quantity)",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20));
    }
}
