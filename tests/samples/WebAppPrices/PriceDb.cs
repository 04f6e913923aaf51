using Microsoft.EntityFrameworkCore;

namespace WebAppPrices;

public sealed class PriceDb(DbContextOptions<PriceDb> options) : DbContext(options)
{
    public DbSet<Price> Prices => Set<Price>();
}
