using System.Net.Http.Json;

namespace RealFlakyMSTest;

[TestClass]
public class ConfirmationTests
{
    [TestMethod]
    public async Task Sends_Order_Confirmation()
    {
        var orderId = Guid.NewGuid().ToString("N");
        using var client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        var before = await client.GetFromJsonAsync<MailStatus>($"mailbox/{orderId}");
        new Mailer().SendConfirmationInBackground(orderId);

        // The mail usually goes out well within this.
        await Task.Delay(300);

        var mail = await client.GetFromJsonAsync<MailStatus>($"mailbox/{orderId}");
        Assert.IsTrue(mail!.Sent, $"no confirmation was sent for order {orderId}");
    }

    [TestMethod]
    public async Task Publishes_Price_Change()
    {
        var feed = new PriceFeed();
        feed.PublishInBackground("SKU-1", 19.90m);

        await Task.Delay(250);

        Assert.AreEqual(19.90m, feed.PublishedPrice("SKU-1"));
    }

    private sealed record MailStatus(bool Sent);
}
