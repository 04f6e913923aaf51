using System.Diagnostics;

namespace RealFlakyXunitV3Mtp;

/// <summary>Publishes price changes to the storefront cache on a background task.</summary>
public sealed class PriceFeed
{
    public static readonly ActivitySource Source = new("Shop.Pricing");
    private readonly Dictionary<string, decimal> published = new();

    public decimal? PublishedPrice(string sku)
    {
        lock (published)
        {
            return published.TryGetValue(sku, out var price) ? price : null;
        }
    }

    public void PublishInBackground(string sku, decimal price) => _ = Task.Run(async () =>
    {
        using var activity = Source.StartActivity("PublishPriceChange");
        activity?.SetTag("product.sku", sku);
        // Invalidating the storefront cache: mostly quick, sometimes it waits for a cache node.
        var busy = Random.Shared.NextDouble() < 0.15;
        await Task.Delay(busy ? 400 + Random.Shared.Next(300) : 20 + Random.Shared.Next(80));
        lock (published)
        {
            published[sku] = price;
        }
    });
}
