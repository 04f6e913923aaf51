using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace WebAppPrices;

public static class PriceEndpoints
{
    /// <summary>
    /// <c>GET /prices/{sku}</c>: the price from the database. Now and then (<c>Prices:CacheChance</c>)
    /// a stale cached price wins over it: the same query, the same spans, one log line more.
    /// </summary>
    public static async Task<IResult> GetPriceAsync(string sku, PriceDb db, PriceCache cache, ILogger<PriceCache> logger)
    {
        logger.LogInformation("Price requested for {Sku}", sku);
        var price = await db.Prices.Where(p => p.Sku == sku).Select(p => (decimal?)p.Amount).FirstOrDefaultAsync();
        if (price is null)
        {
            logger.LogWarning("No price for {Sku}", sku);
            return Results.NotFound();
        }

        if (cache.TryGet(sku, out var cached))
        {
            logger.LogWarning("Used the cached price {Price} for {Sku}", cached, sku);
            price = cached;
        }

        return Results.Text(price.Value.ToString("0.00", CultureInfo.InvariantCulture));
    }
}
