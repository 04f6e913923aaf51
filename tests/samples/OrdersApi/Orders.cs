namespace OrdersApi;

/// <summary>What a client posts to <c>POST /orders</c>.</summary>
public sealed record OrderRequest(string Sku, int Quantity, decimal Amount);

/// <summary>An order as the API stores and returns it.</summary>
public sealed record Order(Guid Id, string Sku, int Quantity, decimal Amount, string Status, string ChargeId);

/// <summary>The orders placed so far, in memory.</summary>
public sealed class OrderStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Order> orders = new();

    public void Add(Order order) => orders[order.Id] = order;

    public Order? Find(Guid id) => orders.GetValueOrDefault(id);
}
