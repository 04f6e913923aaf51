namespace RaceFixedSample;

public class Orders
{
    [Fact]
    public async Task Sends_Confirmation()
    {
        // Fixed: the test waits until the work it started has ended, however long the mail server takes.
        TestTrace.Listen("RaceFixedSample.*");
        var trace = TestTrace.Current!;
        var mailer = new Mailer();
        mailer.SendConfirmationInBackground(4711);

        await trace.WaitForSpanAsync(s => s.Name == "SendConfirmation", TimeSpan.FromSeconds(10));

        Assert.True(mailer.Sent, "confirmation for order 4711 was not sent");
    }

    [Fact]
    public async Task Computes_Shipping()
    {
        await Task.Delay(20);
        Assert.Equal(4.90m, 2.45m * 2);
    }

    [Fact]
    public void Rejects_EmptyCart()
    {
        Assert.Throws<ArgumentException>(() => Validate([]));
    }

    [Fact]
    public async Task Z_Archives_Order()
    {
        await Task.Delay(400);
        Assert.True(true);
    }

    private static void Validate(int[] items)
    {
        if (items.Length == 0)
        {
            throw new ArgumentException("empty cart", nameof(items));
        }
    }
}
