using System.Globalization;

namespace WebAppOrders;

public static class OrderEndpoints
{
    /// <summary>
    /// <c>GET /orders/{id}</c>: a <c>LoadOrder</c> span around a call to the stock service through
    /// IHttpClientFactory. The stock service answers with the <c>traceparent</c> it received, which the
    /// response passes back so the test can print it.
    /// </summary>
    public static async Task<string> GetOrderAsync(string id, IHttpClientFactory clients)
    {
        using var load = OrdersTelemetry.Source.StartActivity("LoadOrder");
        load?.SetTag("order.id", id);
        await Task.Delay(20);
        var stock = await clients.CreateClient("stock").GetStringAsync($"/stock/{Uri.EscapeDataString(id)}");
        return $"order {id}; {stock}";
    }

    /// <summary><c>GET /context</c>: what the request sees of its ambient state.</summary>
    public static string Context(IHttpContextAccessor accessor) =>
        $"culture={CultureInfo.CurrentCulture.Name};ambient={Ambient.Value.Value ?? "none"};path={accessor.HttpContext?.Request.Path.Value ?? "none"}";
}
