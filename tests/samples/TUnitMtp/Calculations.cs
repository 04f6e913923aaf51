namespace TUnitMtp;

public class Calculations
{
    [Test]
    public async Task Adds_TwoNumbers()
    {
        int a = 2, b = 2;

        await Assert.That(a + b).IsEqualTo(4);
    }

    [Test]
    public async Task Fails_WithAssertion()
    {
        await Assert.That(3).IsEqualTo(2);
    }

    [Test]
    public async Task Throws_FromCodeUnderTest()
    {
        var ledger = new Ledger(); // bug in the test: the ledger is never opened

        ledger.Post(10m);

        await Assert.That(ledger.Balance).IsEqualTo(10m);
    }

    [Test]
    [Skip("not today")]
    public void Skipped_Test()
    {
        throw new InvalidOperationException("a skipped test must not run");
    }

    [Test]
    [Arguments(1, 2, 3)]
    [Arguments(2, 2, 4)]
    [Arguments(5, 5, 11)]
    public async Task Sums_Rows(int a, int b, int expected)
    {
        await Assert.That(a + b).IsEqualTo(expected);
    }

    [Test]
    public async Task Async_Waits()
    {
        await Task.Delay(300);
    }

    [Test]
    public void Sleeps_Sync()
    {
        Thread.Sleep(300);
    }
}
