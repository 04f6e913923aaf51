namespace MSTestMtp;

[TestClass]
public class Calculations
{
    [TestMethod]
    public void Adds_TwoNumbers()
    {
        int a = 2, b = 2;

        Assert.AreEqual(4, a + b);
    }

    [TestMethod]
    public void Fails_WithAssertion()
    {
#pragma warning disable MSTEST0025 // this test fails on purpose, with an equality assertion
        Assert.AreEqual(2, 3);
#pragma warning restore MSTEST0025
    }

    [TestMethod]
    public void Throws_FromCodeUnderTest()
    {
        var ledger = new Ledger(); // bug in the test: the ledger is never opened

        ledger.Post(10m);

        Assert.AreEqual(10m, ledger.Balance);
    }

    [TestMethod]
    [Ignore("not today")]
    public void Skipped_Test()
    {
        Assert.Fail("a skipped test must not run");
    }

    [TestMethod]
    [DataRow(1, 2, 3)]
    [DataRow(2, 2, 4)]
    [DataRow(5, 5, 11)]
    public void Sums_Rows(int a, int b, int expected)
    {
        Assert.AreEqual(expected, a + b);
    }

    [TestMethod]
    public async Task Async_Waits()
    {
        await Task.Delay(300);
    }

    [TestMethod]
    public void Sleeps_Sync()
    {
        Thread.Sleep(300);
    }
}
