namespace OrdersNUnit;

/// <summary>Requests to the orders API, optionally with a payments fault injected (see <see cref="PaymentsClient.FaultHeader"/>).</summary>
internal static class OrderRequests
{
    public static readonly OrderRequest Book = new("book-42", 2, 25.00m);

    public static HttpRequestMessage Post(OrderRequest order, string? paymentsFault = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = JsonContent.Create(order) };
        if (paymentsFault is not null)
        {
            request.Headers.Add(PaymentsClient.FaultHeader, paymentsFault);
        }

        return request;
    }
}
