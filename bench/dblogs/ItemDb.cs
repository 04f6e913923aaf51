using Microsoft.EntityFrameworkCore;

namespace FlakyTrace.Bench.DbLogs;

public sealed class ItemDb(DbContextOptions<ItemDb> options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();
}
