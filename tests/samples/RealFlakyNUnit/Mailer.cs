using System.Diagnostics;

namespace RealFlakyNUnit;

/// <summary>Sends the order confirmation in the background, as a fire-and-forget notification does.</summary>
public sealed class Mailer
{
    public static readonly ActivitySource Source = new("Shop.Notifications");

    public void SendConfirmationInBackground(string orderId) => _ = Task.Run(async () =>
    {
        using var activity = Source.StartActivity("SendConfirmation");
        activity?.SetTag("order.id", orderId);
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        using var _ = await client.PostAsync("mail", new StringContent(orderId));
    });
}
