// One test at a time, so the test that ends the process is the only one running.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace RowsAbort;

public sealed class Crash
{
    [Fact]
    public void A_Passes() => Assert.True(true);

    [Fact]
    public void B_CrashesTheProcess()
    {
        Thread.Sleep(200);
        Environment.FailFast("the test brought the process down");
    }
}

public sealed class Hang
{
    [Fact]
    public void A_Passes() => Assert.True(true);

    [Fact]
    public void B_NeverEnds() => Thread.Sleep(Timeout.Infinite);
}
