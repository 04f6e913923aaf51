namespace TraceAssertionsMSTest;

[TestClass]
public class TraceAssertionsTests
{
    private static OrdersApp app = null!;
    private static HttpClient client = null!;

    // The orders API on Kestrel in this test process, started once for the class.
    [ClassInitialize]
    public static async Task StartApi(TestContext context)
    {
        // The API's own spans; HTTP client and ASP.NET Core server spans are recorded anyway.
        TestTrace.Listen("Orders.*");
        // 4 s: a first call on a loaded machine fits well inside it.
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
    public async Task PlaceOrder_ReservesStockThenCharges_WithoutErrors()
    {
        var trace = TestTrace.Current!;

        using var response = await client.SendAsync(OrderSpans.PostOrder());

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var spans = trace.Spans;
        // Services called: the orders API, and the payments service from it, once.
        var placeOrder = spans.Single(s => s.Name == "PlaceOrder");
        var charge = spans.Single(s => s.IsCallTo("/payments/charges"));
        // Order: stock is reserved before the payment is charged.
        var reserve = spans.Single(s => s.Name == "ReserveStock");
        Assert.IsTrue(reserve.End <= charge.Start, $"ReserveStock ended {reserve.End:O}, the charge started {charge.Start:O}");
        // The payments service served the call (server spans end after the client has its answer: wait, don't sleep).
        await trace.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.ParentSpanId == charge.SpanId, TimeSpan.FromSeconds(10));
        // No error spans, and a generous duration budget.
        Assert.IsFalse(trace.Spans.Any(s => s.Status == ActivityStatusCode.Error), string.Join("\n", trace.Spans));
        Assert.IsTrue(placeOrder.Duration < TimeSpan.FromSeconds(5), $"PlaceOrder took {placeOrder.Duration}");
    }

    [TestMethod]
    public async Task CreateAndReadBack_MakesExactlyTwoCalls_PostThenGet()
    {
        var trace = TestTrace.Current!;

        using var created = await client.SendAsync(OrderSpans.PostOrder());
        var order = await created.Content.ReadFromJsonAsync<Order>();
        var read = await client.GetFromJsonAsync<Order>($"orders/{order!.Id}");

        Assert.AreEqual(order, read);
        var calls = trace.Spans.Where(s => s.IsCallTo("/orders")).OrderBy(s => s.Start).ToList();
        CollectionAssert.AreEqual(new[] { "POST", "GET" }, calls.Select(s => s.Tag("http.request.method")).ToArray());
        Assert.IsTrue(calls[0].End <= calls[1].Start, "the read-back started before the order was created");
    }

    [TestMethod]
    public async Task PaymentsOutage_LeavesAnErrorSpanOnThePaymentsCall()
    {
        var trace = TestTrace.Current!;

        using var response = await client.SendAsync(OrderSpans.PostOrder(paymentsFault: "unavailable"));

        Assert.AreEqual(HttpStatusCode.BadGateway, response.StatusCode);
        var errors = trace.Spans.Where(s => s.Status == ActivityStatusCode.Error).ToList();
        var failedCall = errors.Single(s => s.IsCallTo("/payments/charges"));
        Assert.AreEqual("503", failedCall.Tag("http.response.status_code"));
        Assert.IsTrue(errors.Any(s => s.Name == "PlaceOrder" && s.StatusDescription == "PaymentUnavailable"));
    }

    [TestMethod]
    public async Task PlacedOrder_ConfirmationIsSentInTheBackground()
    {
        var trace = TestTrace.Current!;
        using var response = await client.SendAsync(OrderSpans.PostOrder());
        var order = await response.Content.ReadFromJsonAsync<Order>();

        Confirmations.SendInBackground(order!.Id);

        // Instead of Thread.Sleep: done when the background work's span ends.
        var sent = await trace.WaitForSpanAsync(s => s.Name == "SendConfirmation", TimeSpan.FromSeconds(10));
        Assert.AreEqual(order.Id.ToString(), sent.Tag("orders.id"));
    }
}
