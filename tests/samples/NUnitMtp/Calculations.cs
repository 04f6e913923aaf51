namespace NUnitMtp;

public class Calculations
{
    [Test]
    public void Adds_TwoNumbers()
    {
        Assert.That(2 + 2, Is.EqualTo(4));
    }

    [Test]
    public void Fails_WithAssertion()
    {
        Assert.That(3, Is.EqualTo(2));
    }

    [Test]
    public void Throws_FromCodeUnderTest()
    {
        var ledger = new Ledger(); // bug in the test: the ledger is never opened

        ledger.Post(10m);

        Assert.That(ledger.Balance, Is.EqualTo(10m));
    }

    [Test]
    [Ignore("not today")]
    public void Skipped_Test()
    {
        Assert.Fail("a skipped test must not run");
    }

    [TestCase(1, 2, 3)]
    [TestCase(2, 2, 4)]
    [TestCase(5, 5, 11)]
    public void Sums_Rows(int a, int b, int expected)
    {
        Assert.That(a + b, Is.EqualTo(expected));
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
