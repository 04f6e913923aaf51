namespace XunitV3Mtp1;

public class Calculations
{
    [Fact]
    public void Adds_TwoNumbers()
    {
        Assert.Equal(4, 2 + 2);
    }

    [Fact]
    public void Fails_WithAssertion()
    {
        Assert.Equal(2, 3);
    }

    [Fact]
    public void Throws_FromCodeUnderTest()
    {
        var ledger = new Ledger(); // bug in the test: the ledger is never opened

        ledger.Post(10m);

        Assert.Equal(10m, ledger.Balance);
    }

    [Fact(Skip = "not today")]
    public void Skipped_Test()
    {
        Assert.Fail("a skipped test must not run");
    }

    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(2, 2, 4)]
    [InlineData(5, 5, 11)]
    public void Sums_Rows(int a, int b, int expected)
    {
        Assert.Equal(expected, a + b);
    }

    [Fact]
    public async Task Async_Waits()
    {
        await Task.Delay(300);
    }

    [Fact]
    public void Sleeps_Sync()
    {
        Thread.Sleep(300);
    }
}
