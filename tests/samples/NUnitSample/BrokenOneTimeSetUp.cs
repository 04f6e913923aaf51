namespace NUnitSample;

// The fixture's one-time set-up calls a service that is down: its tests never run.
public class BrokenOneTimeSetUp
{
    [OneTimeSetUp]
    public void StartDependencies()
    {
        Thread.Sleep(300);
        throw new HttpRequestException("dependency refused the connection");
    }

    [Test]
    public void Needs_The_Dependency_First()
    {
        Assert.Fail("the one-time set-up throws, so no test of the fixture runs");
    }

    [Test]
    public void Needs_The_Dependency_Second()
    {
        Assert.Fail("the one-time set-up throws, so no test of the fixture runs");
    }
}
