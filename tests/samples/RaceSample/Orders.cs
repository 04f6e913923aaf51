namespace RaceSample;

public class Orders
{
    [Fact]
    public async Task Sends_Confirmation()
    {
        // Flaky: the test waits a fixed 150 ms instead of waiting for the work it started.
        var mailer = new Mailer();
        mailer.SendConfirmationInBackground(4711);

        await Task.Delay(150);

        Assert.True(mailer.Sent, "confirmation for order 4711 was not sent after 150 ms");
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

    // Runs after the others in most orders, so the process outlives the last late confirmation.
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
