using WebAppOrders;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpContextAccessor();
builder.Services.AddHostedService<StockTicker>();

// The stock service's address comes from configuration, read when the client is first made:
// tests set it with UseSetting("StockUrl", ...) on their WebApplicationFactory.
builder.Services.AddHttpClient("stock", (services, client) =>
    client.BaseAddress = new Uri(services.GetRequiredService<IConfiguration>()["StockUrl"] ?? "http://127.0.0.1:9/"));

var app = builder.Build();
app.MapGet("/orders/{id}", OrderEndpoints.GetOrderAsync);
app.MapGet("/context", OrderEndpoints.Context);
app.Run();

/// <summary>The entry point, public for WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
