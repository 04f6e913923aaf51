namespace RealFlakyMSTest;

[TestClass]
public class QuoteTests
{
    [TestMethod]
    public async Task Quotes_Shipping_Rate()
    {
        using var client = new HttpClient
        {
            BaseAddress = PartnerService.Instance.BaseAddress,
            Timeout = TimeSpan.FromSeconds(1),
        };

        var quote = await client.GetStringAsync("rates/standard?to=DE");

        Assert.Contains("amount", quote);
    }

    [TestMethod]
    public async Task Loads_Sales_Report()
    {
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        // The report page's own deadline.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        using var response = await client.GetAsync("reports/sales?month=11", deadline.Token);

        Assert.IsTrue(response.IsSuccessStatusCode);
    }
}
