namespace TraceAssertionsXunitV3Mtp;

/// <summary>Sends an order confirmation in the background, as a fire-and-forget notification would.</summary>
public static class Confirmations
{
    public static readonly ActivitySource Source = new("Orders.Notifications");

    public static void SendInBackground(Guid orderId) => _ = Task.Run(async () =>
    {
        using var activity = Source.StartActivity("SendConfirmation");
        activity?.SetTag("orders.id", orderId.ToString());
        await Task.Delay(100 + Random.Shared.Next(200));
    });
}
