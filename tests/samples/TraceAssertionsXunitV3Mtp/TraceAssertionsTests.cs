namespace TraceAssertionsXunitV3Mtp;

public class TraceAssertionsTests : IClassFixture<OrdersApiFixture>
{
    private readonly HttpClient client;

    public TraceAssertionsTests(OrdersApiFixture api)
    {
        // The API's own spans; HTTP client and ASP.NET Core server spans are recorded anyway.
        TestTrace.Listen("Orders.*");
        client = api.Client;
    }

    [Fact]
    public async Task PlaceOrder_ReservesStockThenCharges_WithoutErrors()
    {
        var trace = TestTrace.Current!;

        using var response = await client.SendAsync(OrderSpans.PostOrder());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var spans = trace.Spans;
        // Services called: the orders API, and the payments service from it, once.
        var placeOrder = Assert.Single(spans, s => s.Name == "PlaceOrder");
        var charge = Assert.Single(spans, s => s.IsCallTo("/payments/charges"));
        // Order: stock is reserved before the payment is charged.
        var reserve = Assert.Single(spans, s => s.Name == "ReserveStock");
        Assert.True(reserve.End <= charge.Start, $"ReserveStock ended {reserve.End:O}, the charge started {charge.Start:O}");
        // The payments service served the call (server spans end after the client has its answer: wait, don't sleep).
        await trace.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.ParentSpanId == charge.SpanId, TimeSpan.FromSeconds(10));
        // No error spans, and a generous duration budget.
        Assert.DoesNotContain(trace.Spans, s => s.Status == ActivityStatusCode.Error);
        Assert.True(placeOrder.Duration < TimeSpan.FromSeconds(5), $"PlaceOrder took {placeOrder.Duration}");
    }

    [Fact]
    public async Task CreateAndReadBack_MakesExactlyTwoCalls_PostThenGet()
    {
        var trace = TestTrace.Current!;

        using var created = await client.SendAsync(OrderSpans.PostOrder());
        var order = await created.Content.ReadFromJsonAsync<Order>();
        var read = await client.GetFromJsonAsync<Order>($"orders/{order!.Id}");

        Assert.Equal(order, read);
        var calls = trace.Spans.Where(s => s.IsCallTo("/orders")).OrderBy(s => s.Start).ToList();
        Assert.Equal(["POST", "GET"], calls.Select(s => s.Tag("http.request.method")));
        Assert.True(calls[0].End <= calls[1].Start, "the read-back started before the order was created");
    }

    [Fact]
    public async Task PaymentsOutage_LeavesAnErrorSpanOnThePaymentsCall()
    {
        var trace = TestTrace.Current!;

        using var response = await client.SendAsync(OrderSpans.PostOrder(paymentsFault: "unavailable"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var errors = trace.Spans.Where(s => s.Status == ActivityStatusCode.Error).ToList();
        var failedCall = Assert.Single(errors, s => s.IsCallTo("/payments/charges"));
        Assert.Equal("503", failedCall.Tag("http.response.status_code"));
        Assert.Contains(errors, s => s.Name == "PlaceOrder" && s.StatusDescription == "PaymentUnavailable");
    }

    [Fact]
    public async Task PlacedOrder_ConfirmationIsSentInTheBackground()
    {
        var trace = TestTrace.Current!;
        using var response = await client.SendAsync(OrderSpans.PostOrder());
        var order = await response.Content.ReadFromJsonAsync<Order>();

        Confirmations.SendInBackground(order!.Id);

        // Instead of Thread.Sleep: done when the background work's span ends.
        var sent = await trace.WaitForSpanAsync(s => s.Name == "SendConfirmation", TimeSpan.FromSeconds(10));
        Assert.Equal(order.Id.ToString(), sent.Tag("orders.id"));
    }
}
