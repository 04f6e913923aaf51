using Microsoft.EntityFrameworkCore;

namespace FlakyCollector.Tests.Recording.Database;

/// <summary>A real EF Core model over an in-memory SQLite connection, for the recorder's database tests.</summary>
public sealed class PriceContext(DbContextOptions<PriceContext> options) : DbContext(options)
{
    public DbSet<Price> Prices => Set<Price>();
}
