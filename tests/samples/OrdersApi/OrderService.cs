using System.Diagnostics;

namespace OrdersApi;

public enum PlaceOrderOutcome
{
    Placed,
    OutOfStock,
    PaymentUnavailable,
    PaymentTimedOut,
}

public sealed record PlaceOrderResult(PlaceOrderOutcome Outcome, Order? Order = null);

/// <summary>The business logic of placing an order: reserve stock, charge the payment, store the order.</summary>
public sealed class OrderService(Inventory inventory, PaymentsClient payments, OrderStore store)
{
    public async Task<PlaceOrderResult> PlaceAsync(OrderRequest request, string? paymentsFault, CancellationToken cancellationToken)
    {
        using var activity = OrdersTelemetry.Source.StartActivity("PlaceOrder");
        var id = Guid.NewGuid();
        activity?.SetTag("orders.id", id.ToString());
        activity?.SetTag("orders.sku", request.Sku);

        if (!await inventory.ReserveAsync(request.Sku, request.Quantity, cancellationToken))
        {
            return Fail(activity, PlaceOrderOutcome.OutOfStock);
        }

        var payment = await payments.ChargeAsync(id, request.Amount, paymentsFault, cancellationToken);
        if (payment.Outcome != PaymentOutcome.Charged)
        {
            inventory.Release(request.Sku, request.Quantity);
            return Fail(activity, payment.Outcome == PaymentOutcome.TimedOut ? PlaceOrderOutcome.PaymentTimedOut : PlaceOrderOutcome.PaymentUnavailable);
        }

        var order = new Order(id, request.Sku, request.Quantity, request.Amount, "paid", payment.ChargeId!);
        store.Add(order);
        return new PlaceOrderResult(PlaceOrderOutcome.Placed, order);
    }

    private static PlaceOrderResult Fail(Activity? activity, PlaceOrderOutcome outcome)
    {
        activity?.SetStatus(ActivityStatusCode.Error, outcome.ToString());
        return new PlaceOrderResult(outcome);
    }
}
