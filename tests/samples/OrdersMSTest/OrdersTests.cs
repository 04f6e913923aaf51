using System.Diagnostics;

namespace OrdersMSTest;

[TestClass]
public class OrdersTests
{
    private static OrdersApp app = null!;
    private static HttpClient client = null!;

    public TestContext TestContext { get; set; } = null!;

    // The orders API on Kestrel in this test process, started once for the class; it gives up on
    // the payments service after two seconds.
    [ClassInitialize]
    public static async Task StartApi(TestContext context)
    {
        // 4 s: a first call on a loaded machine fits well inside it, and the 5 s "slow:5000" payment still times out.
        app = await OrdersApp.StartAsync(new PaymentsSettings { Timeout = TimeSpan.FromSeconds(4) });
        client = new HttpClient { BaseAddress = app.BaseAddress };
    }

    [ClassCleanup]
    public static async Task StopApi()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [TestMethod]
    public async Task CreateOrder_ReturnsCreated_AndCanBeReadBack()
    {
        using var created = await client.SendAsync(OrderRequests.Post(OrderRequests.Book), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        var order = await created.Content.ReadFromJsonAsync<Order>(TestContext.CancellationToken);
        Assert.AreEqual("paid", order!.Status);

        var read = await client.GetFromJsonAsync<Order>(created.Headers.Location, TestContext.CancellationToken);
        Assert.AreEqual(order, read);
    }

    [TestMethod]
    public async Task PaymentServiceUnavailable_IsReportedAsBadGateway()
    {
        using var response = await client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "unavailable"), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [TestMethod]
    public async Task SlowPayment_StillPlacesTheOrder()
    {
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "slow:300"), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.IsTrue(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(300), $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [TestMethod]
    public async Task PaymentTimeout_IsReportedAsGatewayTimeout()
    {
        using var response = await client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "slow:5000"), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [TestMethod]
    public async Task UnknownOrder_IsNotFound()
    {
        using var response = await client.GetAsync($"orders/{Guid.NewGuid()}", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }
}
