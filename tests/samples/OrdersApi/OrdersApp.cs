using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrdersApi;

/// <summary>
/// The orders API: <c>POST /orders</c> places an order (reserve stock, charge the payments
/// service over HTTP, store it), <c>GET /orders/{id}</c> reads one back. Payment failures are
/// mapped: payments unavailable (503) gives 502, a payments timeout gives 504.
/// </summary>
public sealed class OrdersApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private OrdersApp(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the API on Kestrel, on a free loopback port.</summary>
    public static async Task<OrdersApp> StartAsync(PaymentsSettings? payments = null)
    {
        payments ??= new PaymentsSettings();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(payments);
        builder.Services.AddSingleton<Inventory>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddScoped<OrderService>();
        builder.Services.AddHttpClient<PaymentsClient>((services, client) =>
        {
            var settings = services.GetRequiredService<PaymentsSettings>();
            client.BaseAddress = settings.BaseAddress;
            client.Timeout = settings.Timeout;
        });

        var app = builder.Build();
        app.MapOrders();
        app.MapFakePayments();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();

        var baseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        payments.BaseAddress ??= baseAddress; // no payments service configured: the fake one above
        return new OrdersApp(app, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal static class OrdersEndpoints
{
    public static void MapOrders(this WebApplication app)
    {
        app.MapPost("/orders", async (OrderRequest request, HttpRequest http, OrderService orders, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.Sku) || request.Quantity <= 0 || request.Amount <= 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["order"] = ["sku, quantity and amount are required"] });
            }

            var fault = http.Headers[PaymentsClient.FaultHeader].ToString();
            var result = await orders.PlaceAsync(request, fault, cancellationToken);
            return result.Outcome switch
            {
                PlaceOrderOutcome.Placed => Results.Created($"/orders/{result.Order!.Id}", result.Order),
                PlaceOrderOutcome.OutOfStock => Results.Problem(title: "out of stock", statusCode: StatusCodes.Status409Conflict),
                PlaceOrderOutcome.PaymentUnavailable => Results.Problem(title: "payment service unavailable", statusCode: StatusCodes.Status502BadGateway),
                _ => Results.Problem(title: "payment service timed out", statusCode: StatusCodes.Status504GatewayTimeout),
            };
        });

        app.MapGet("/orders/{id:guid}", (Guid id, OrderStore store) =>
            store.Find(id) is { } order ? Results.Ok(order) : Results.NotFound());
    }
}
