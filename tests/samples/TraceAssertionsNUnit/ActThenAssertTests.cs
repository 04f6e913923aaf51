namespace TraceAssertionsNUnit;

/// <summary>
/// The natural first trace assertion: act, then read the trace. Nothing here touches TestTrace
/// before the calls (no Listen, no early Current), so run alone it is the first use in the process.
/// </summary>
public class ActThenAssertTests
{
    private OrdersApp app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        app = await OrdersApp.StartAsync(new PaymentsSettings { Timeout = TimeSpan.FromSeconds(2) });
        client = new HttpClient { BaseAddress = app.BaseAddress };
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task TwoCalls_ThenReadTheTrace_SeesBoth()
    {
        using var created = await client.SendAsync(OrderSpans.PostOrder());
        var order = await created.Content.ReadFromJsonAsync<Order>();
        await client.GetFromJsonAsync<Order>($"orders/{order!.Id}");

        var calls = TestTrace.Current!.Spans.Where(s => s.IsCallTo("/orders")).OrderBy(s => s.Start).ToList();
        Assert.That(calls.Select(s => s.Tag("http.request.method")), Is.EqualTo(new[] { "POST", "GET" }));
    }
}
