namespace RealFlakyXunitV3Mtp;

public class QuoteTests
{
    [Fact]
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

    [Fact]
    public async Task Loads_Sales_Report()
    {
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        // The report page's own deadline.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        using var response = await client.GetAsync("reports/sales?month=11", deadline.Token);

        Assert.True(response.IsSuccessStatusCode);
    }
}
