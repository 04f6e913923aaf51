using System.Net.Http.Json;

namespace RealFlakyNUnit;

public class ConfirmationTests
{
    [Test]
    public async Task Sends_Order_Confirmation()
    {
        var orderId = Guid.NewGuid().ToString("N");
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        var before = await client.GetFromJsonAsync<MailStatus>($"mailbox/{orderId}");
        new Mailer().SendConfirmationInBackground(orderId);

        // The mail usually goes out well within this.
        await Task.Delay(300);

        var mail = await client.GetFromJsonAsync<MailStatus>($"mailbox/{orderId}");
        Assert.That(mail!.Sent, Is.True, $"no confirmation was sent for order {orderId}");
    }

    [Test]
    public async Task Publishes_Price_Change()
    {
        var feed = new PriceFeed();
        feed.PublishInBackground("SKU-1", 19.90m);

        await Task.Delay(250);

        Assert.That(feed.PublishedPrice("SKU-1"), Is.EqualTo(19.90m));
    }

    private sealed record MailStatus(bool Sent);
}
