namespace MSTestSample;

[TestClass]
public class BrokenInitialize
{
    [TestInitialize]
    public void Initialize()
    {
        throw new InvalidOperationException("setup exploded");
    }

    [TestMethod]
    public void Never_Runs_Body()
    {
        Assert.Fail("the test initialize throws, so the body never runs");
    }
}
