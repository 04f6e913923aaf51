namespace TraceAssertionsXunitV3Mtp;

/// <summary>
/// The natural first trace assertion: act, then read the trace. Nothing here touches TestTrace
/// before the calls (no Listen, no early Current), so run alone it is the first use in the process.
/// </summary>
public class ActThenAssertTests(OrdersApiFixture api) : IClassFixture<OrdersApiFixture>
{
    [Fact]
    public async Task TwoCalls_ThenReadTheTrace_SeesBoth()
    {
        using var created = await api.Client.SendAsync(OrderSpans.PostOrder());
        var order = await created.Content.ReadFromJsonAsync<Order>();
        await api.Client.GetFromJsonAsync<Order>($"orders/{order!.Id}");

        var calls = TestTrace.Current!.Spans.Where(s => s.IsCallTo("/orders")).OrderBy(s => s.Start).ToList();
        Assert.Equal(["POST", "GET"], calls.Select(s => s.Tag("http.request.method")));
    }
}
