using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace WebAppPrices;

public static class PriceEndpoints
{
    /// <summary><c>GET /prices/{sku}</c>: the price from the database, unless the cache answers first.</summary>
    public static async Task<IResult> GetPriceAsync(string sku, PriceDb db, PriceCache cache, ILogger<PriceCache> logger)
    {
        logger.LogInformation("Price requested for {Sku}", sku);
        if (cache.TryGet(sku, out var cached))
        {
            logger.LogWarning("Used the cached price {Price} for {Sku}", cached, sku);
            return Results.Text(cached.ToString("0.00", CultureInfo.InvariantCulture));
        }

        var price = await db.Prices.Where(p => p.Sku == sku).Select(p => (decimal?)p.Amount).FirstOrDefaultAsync();
        if (price is null)
        {
            logger.LogWarning("No price for {Sku}", sku);
            return Results.NotFound();
        }

        return Results.Text(price.Value.ToString("0.00", CultureInfo.InvariantCulture));
    }
}
