using System.Diagnostics;

namespace RaceFixedSample;

/// <summary>
/// Sends an order confirmation in the background, as a fire-and-forget notification would. The
/// mail server usually answers within 80-180 ms, and now and then much later.
/// </summary>
public sealed class Mailer
{
    public static readonly ActivitySource Source = new("RaceFixedSample.Notifications");

    private int _sent;

    public bool Sent => Volatile.Read(ref _sent) == 1;

    public void SendConfirmationInBackground(int orderId) => _ = Task.Run(async () =>
    {
        using var activity = Source.StartActivity("SendConfirmation");
        activity?.SetTag("order.id", orderId);
        var slowServer = Random.Shared.NextDouble() < 0.3;
        await Task.Delay(80 + Random.Shared.Next(100) + (slowServer ? 60 + Random.Shared.Next(150) : 0));
        Volatile.Write(ref _sent, 1);
    });
}
