using System.Diagnostics;

namespace OrdersXunit;

public class OrdersTests(OrdersApiFixture api) : IClassFixture<OrdersApiFixture>
{
    [Fact]
    public async Task CreateOrder_ReturnsCreated_AndCanBeReadBack()
    {
        using var created = await api.Client.SendAsync(OrderRequests.Post(OrderRequests.Book));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await created.Content.ReadFromJsonAsync<Order>();
        Assert.Equal("paid", order!.Status);

        var read = await api.Client.GetFromJsonAsync<Order>(created.Headers.Location);
        Assert.Equal(order, read);
    }

    [Fact]
    public async Task PaymentServiceUnavailable_IsReportedAsBadGateway()
    {
        using var response = await api.Client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "unavailable"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task SlowPayment_StillPlacesTheOrder()
    {
        var stopwatch = Stopwatch.StartNew();

        using var response = await api.Client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "slow:300"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(300), $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task PaymentTimeout_IsReportedAsGatewayTimeout()
    {
        using var response = await api.Client.SendAsync(OrderRequests.Post(OrderRequests.Book, paymentsFault: "slow:5000"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task UnknownOrder_IsNotFound()
    {
        using var response = await api.Client.GetAsync($"orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
