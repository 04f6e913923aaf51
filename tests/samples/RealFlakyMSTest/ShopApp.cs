using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealFlakyMSTest;

/// <summary>
/// The app under test: a small shop API on Kestrel in the test process, started once and shared
/// by every test, with one catalogue and one customer list, as a team's test server often is.
/// The catalogue's reads and writes have spans of their own, as a real app's database calls do.
/// </summary>
public sealed class ShopApp
{
    public static readonly ActivitySource CatalogSource = new("Shop.Catalog");
    private static readonly Lazy<Task<ShopApp>> Shared = new(StartAsync);

    private readonly ConcurrentDictionary<string, string> products = new()
    {
        ["SKU-1"] = "Kettle",
        ["SKU-2"] = "Winter jacket",
        ["SKU-3"] = "Teapot",
    };

    private readonly ConcurrentDictionary<string, bool> customers = new();

    private ShopApp(Uri baseAddress) => BaseAddress = baseAddress;

    public Uri BaseAddress { get; }

    public static Task<ShopApp> InstanceAsync() => Shared.Value;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    private static async Task<ShopApp> StartAsync()
    {
        var port = PartnerService.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var shop = new ShopApp(new Uri($"http://127.0.0.1:{port}/"));
        shop.Map(app);
        await app.StartAsync();
        return shop;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/products", () =>
        {
            using var list = CatalogSource.StartActivity("catalog.list");
            return Results.Ok(products.Keys.Order().ToArray());
        });
        app.MapGet("/products/{sku}", (string sku) =>
        {
            using var read = CatalogSource.StartActivity("catalog.read");
            read?.SetTag("product.sku", sku);
            return products.TryGetValue(sku, out var name) ? Results.Ok(new { sku, name }) : Results.NotFound();
        });
        app.MapDelete("/products/{sku}", (string sku) =>
        {
            using var remove = CatalogSource.StartActivity("catalog.remove");
            remove?.SetTag("product.sku", sku);
            products.TryRemove(sku, out _);
            return Results.NoContent();
        });
        app.MapPost("/customers", (Customer customer) =>
        {
            if (!customer.Email.Contains('@'))
            {
                return Results.BadRequest(new { error = "invalid email" });
            }

            return customers.TryAdd(customer.Email, true)
                ? Results.Created($"/customers/{customer.Email}", customer)
                : Results.Conflict(new { error = $"{customer.Email} is already registered" });
        });
        app.MapPost("/customers/import", (string[] emails) =>
        {
            foreach (var email in emails)
            {
                customers[email] = true;
            }

            return Results.Ok(new { imported = emails.Length });
        });
        app.MapPost("/orders", async (Order order) =>
        {
            using var partners = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
            using var reserved = await partners.PostAsJsonAsync("stock/reserve", order);
            return reserved.IsSuccessStatusCode
                ? Results.Created("/orders/1", order)
                : Results.Problem($"stock service answered {(int)reserved.StatusCode}", statusCode: 502);
        });
    }
}
