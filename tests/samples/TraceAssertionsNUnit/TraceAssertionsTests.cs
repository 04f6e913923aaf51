namespace TraceAssertionsNUnit;

public class TraceAssertionsTests
{
    private OrdersApp app = null!;
    private HttpClient client = null!;

    // The orders API on Kestrel in this test process, started once for the fixture.
    [OneTimeSetUp]
    public async Task StartApi()
    {
        // The API's own spans; HTTP client and ASP.NET Core server spans are recorded anyway.
        TestTrace.Listen("Orders.*");
        // 4 s: a first call on a loaded machine fits well inside it.
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
    public async Task PlaceOrder_ReservesStockThenCharges_WithoutErrors()
    {
        var trace = TestTrace.Current!;

        using var response = await client.SendAsync(OrderSpans.PostOrder());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var spans = trace.Spans;
        // Services called: the orders API, and the payments service from it, once.
        var placeOrder = spans.Single(s => s.Name == "PlaceOrder");
        var charge = spans.Single(s => s.IsCallTo("/payments/charges"));
        // Order: stock is reserved before the payment is charged.
        var reserve = spans.Single(s => s.Name == "ReserveStock");
        Assert.That(reserve.End, Is.LessThanOrEqualTo(charge.Start), "ReserveStock must end before the charge starts");
        // The payments service served the call (server spans end after the client has its answer: wait, don't sleep).
        await trace.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.ParentSpanId == charge.SpanId, TimeSpan.FromSeconds(10));
        // No error spans, and a generous duration budget.
        Assert.That(trace.Spans.Where(s => s.Status == ActivityStatusCode.Error), Is.Empty);
        Assert.That(placeOrder.Duration, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task CreateAndReadBack_MakesExactlyTwoCalls_PostThenGet()
    {
        var trace = TestTrace.Current!;

        using var created = await client.SendAsync(OrderSpans.PostOrder());
        var order = await created.Content.ReadFromJsonAsync<Order>();
        var read = await client.GetFromJsonAsync<Order>($"orders/{order!.Id}");

        Assert.That(read, Is.EqualTo(order));
        var calls = trace.Spans.Where(s => s.IsCallTo("/orders")).OrderBy(s => s.Start).ToList();
        Assert.That(calls.Select(s => s.Tag("http.request.method")), Is.EqualTo(new[] { "POST", "GET" }));
        Assert.That(calls[0].End, Is.LessThanOrEqualTo(calls[1].Start), "the read-back started before the order was created");
    }

    [Test]
    public async Task PaymentsOutage_LeavesAnErrorSpanOnThePaymentsCall()
    {
        var trace = TestTrace.Current!;

        using var response = await client.SendAsync(OrderSpans.PostOrder(paymentsFault: "unavailable"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        var errors = trace.Spans.Where(s => s.Status == ActivityStatusCode.Error).ToList();
        var failedCall = errors.Single(s => s.IsCallTo("/payments/charges"));
        Assert.That(failedCall.Tag("http.response.status_code"), Is.EqualTo("503"));
        Assert.That(errors.Any(s => s.Name == "PlaceOrder" && s.StatusDescription == "PaymentUnavailable"), Is.True);
    }

    [Test]
    public async Task PlacedOrder_ConfirmationIsSentInTheBackground()
    {
        var trace = TestTrace.Current!;
        using var response = await client.SendAsync(OrderSpans.PostOrder());
        var order = await response.Content.ReadFromJsonAsync<Order>();

        Confirmations.SendInBackground(order!.Id);

        // Instead of Thread.Sleep: done when the background work's span ends.
        var sent = await trace.WaitForSpanAsync(s => s.Name == "SendConfirmation", TimeSpan.FromSeconds(10));
        Assert.That(sent.Tag("orders.id"), Is.EqualTo(order.Id.ToString()));
    }
}
