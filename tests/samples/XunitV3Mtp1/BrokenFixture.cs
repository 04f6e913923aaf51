namespace XunitV3Mtp1;

public class BrokenFixture
{
    public BrokenFixture()
    {
        throw new InvalidOperationException("setup exploded");
    }

    [Fact]
    public void Never_Runs_Body()
    {
        Assert.Fail("the constructor throws, so the body never runs");
    }
}
