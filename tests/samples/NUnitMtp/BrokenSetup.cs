namespace NUnitMtp;

public class BrokenSetup
{
    [SetUp]
    public void SetUp()
    {
        throw new InvalidOperationException("setup exploded");
    }

    [Test]
    public void Never_Runs_Body()
    {
        Assert.Fail("the set-up throws, so the body never runs");
    }
}
