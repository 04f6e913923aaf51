using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebAppPrices;

var builder = WebApplication.CreateBuilder(args);

// One in-memory database per app instance, shared by its requests' connections, alive as long as
// this first connection is open.
var database = $"Data Source=prices-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
var keepAlive = new SqliteConnection(database);
keepAlive.Open();
builder.Services.AddDbContext<PriceDb>(options => options.UseSqlite(database));
builder.Services.AddSingleton<PriceCache>();

var app = builder.Build();
app.Lifetime.ApplicationStopped.Register(keepAlive.Dispose);
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PriceDb>();
    db.Database.EnsureCreated();
    db.Prices.AddRange(Enumerable.Range(1, 8).Select(n => new Price { Sku = $"A-{n}", Amount = 10m + n }));
    db.SaveChanges();
}

app.MapGet("/prices/{sku}", PriceEndpoints.GetPriceAsync);
app.Run();

/// <summary>The entry point, public for WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
