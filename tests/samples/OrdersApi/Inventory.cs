using System.Collections.Concurrent;

namespace OrdersApi;

/// <summary>Stock per SKU, in memory. Every SKU starts with plenty of stock.</summary>
public sealed class Inventory
{
    private const int InitialStock = 1_000;

    private readonly ConcurrentDictionary<string, int> reserved = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> ReserveAsync(string sku, int quantity, CancellationToken cancellationToken)
    {
        using var activity = OrdersTelemetry.Source.StartActivity("ReserveStock");
        activity?.SetTag("orders.sku", sku);
        activity?.SetTag("orders.quantity", quantity);

        await Task.Delay(5, cancellationToken); // the warehouse system is not free either
        var total = reserved.AddOrUpdate(sku, quantity, (_, current) => current + quantity);
        if (total <= InitialStock)
        {
            return true;
        }

        Release(sku, quantity);
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "out of stock");
        return false;
    }

    public void Release(string sku, int quantity) => reserved.AddOrUpdate(sku, 0, (_, current) => current - quantity);
}
