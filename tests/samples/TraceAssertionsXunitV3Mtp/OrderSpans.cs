namespace TraceAssertionsXunitV3Mtp;

/// <summary>What these tests look for among a trace's spans.</summary>
internal static class OrderSpans
{
    public static bool IsCallTo(this RecordedSpan span, string path) =>
        span.Kind == ActivityKind.Client && span.Source == "System.Net.Http"
        && new Uri(span.Tag("url.full")!).AbsolutePath.StartsWith(path, StringComparison.Ordinal);

    public static HttpRequestMessage PostOrder(string? paymentsFault = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = JsonContent.Create(new OrderRequest("book-42", 2, 25.00m)) };
        if (paymentsFault is not null)
        {
            request.Headers.Add(PaymentsClient.FaultHeader, paymentsFault);
        }

        return request;
    }
}
