namespace WebAppPrices;

/// <summary>
/// A cache of last week's prices. With <c>Prices:CacheChance</c> above 0, that share of requests
/// answers from it instead of the database, and says so in the log: the flaky sample's hidden cause.
/// </summary>
public sealed class PriceCache(IConfiguration configuration)
{
    private readonly double chance = double.TryParse(configuration["Prices:CacheChance"], System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0;

    public bool TryGet(string sku, out decimal price)
    {
        price = 9.99m;
        return Random.Shared.NextDouble() < chance;
    }
}
