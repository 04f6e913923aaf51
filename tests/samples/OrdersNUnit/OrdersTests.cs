using System.Diagnostics;

namespace OrdersNUnit;

public class OrdersTests
{
    private OrdersApp app = null!;
    private HttpClient client = null!;

    // The orders API on Kestrel in this test process, started once for the fixture; it gives up on
    // the payments service after two seconds.
    [OneTimeSetUp]
    public async Task StartApi()
    {
        // 4 s: a first call on a loaded machine fits well inside it, and the 5 s "slow:5000" payment still times out.
        app = await OrdersApp.StartAsync(new PaymentsSettings { Timeout = TimeSpan.FromSeconds(4) });
        client = new HttpClient { BaseAddress = app.BaseAddress };
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task CreateOrder_ReturnsCreated_AndCanBeReadBack()
    {
        using var created = await client.SendAsync(OrderRequests.Post(OrderRequests.Book));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var order = await created.Content.ReadFromJsonAsync<Order>();
        Assert.That(order!.Status, Is.EqualTo("paid"));

        var read = await client.GetFromJsonAsync<Order>(created.Headers.Location);
        Assert.That(read, Is.EqualTo(order));
    }

    [Test]
    public async Task PaymentServiceUnavailable_IsReportedAsBadGateway()
    {
        using var response = await client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "unavailable"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    [Test]
    public async Task SlowPayment_StillPlacesTheOrder()
    {
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "slow:300"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300)));
    }

    [Test]
    public async Task PaymentTimeout_IsReportedAsGatewayTimeout()
    {
        using var response = await client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "slow:5000"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
    }

    [Test]
    public async Task UnknownOrder_IsNotFound()
    {
        using var response = await client.GetAsync($"orders/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
