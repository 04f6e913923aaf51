namespace TraceAssertionsMSTest;

/// <summary>
/// The natural first trace assertion: act, then read the trace. Nothing here touches TestTrace
/// before the calls (no Listen, no early Current), so run alone it is the first use in the process.
/// </summary>
[TestClass]
public class ActThenAssertTests
{
    private static OrdersApp app = null!;
    private static HttpClient client = null!;

    [ClassInitialize]
    public static async Task StartApi(TestContext context)
    {
        app = await OrdersApp.StartAsync(new PaymentsSettings { Timeout = TimeSpan.FromSeconds(2) });
        client = new HttpClient { BaseAddress = app.BaseAddress };
    }

    [ClassCleanup]
    public static async Task StopApi()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [TestMethod]
    public async Task TwoCalls_ThenReadTheTrace_SeesBoth()
    {
        using var created = await client.SendAsync(OrderSpans.PostOrder());
        var order = await created.Content.ReadFromJsonAsync<Order>();
        await client.GetFromJsonAsync<Order>($"orders/{order!.Id}");

        var calls = TestTrace.Current!.Spans.Where(s => s.IsCallTo("/orders")).OrderBy(s => s.Start).ToList();
        CollectionAssert.AreEqual(new[] { "POST", "GET" }, calls.Select(s => s.Tag("http.request.method")).ToArray());
    }
}
