namespace HangingXunitV3Mtp;

// Three quick tests, and one that calls a dependency (a refused loopback port) and then waits for
// an answer that never comes, until the session is cancelled: run with the platform's --timeout, or
// stop it with Ctrl+C or SIGTERM. The tests that ended keep their spans, and the one still running
// gets a failed span with the call it made.
public class Quick
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Adds(int number) => Assert.Equal(number * 2, number + number);
}

public class Stuck
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Waits_For_An_Answer_That_Never_Comes()
    {
        // The quick tests end first, so the session's end finds only this one running.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        try
        {
            await Http.GetAsync("http://127.0.0.1:9/orders/stuck", TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
    }
}
