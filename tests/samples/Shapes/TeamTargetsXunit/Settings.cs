namespace TeamTargetsXunit;

public class Settings
{
    // Fails if the team's run settings were lost on the way to vstest.
    [Fact]
    public void Team_RunSettings_Reach_The_Tests() =>
        Assert.Equal("applied", Environment.GetEnvironmentVariable("TEAM_RUN_SETTINGS"));

    [Fact]
    public void Works_Slowly()
    {
        Thread.Sleep(300);
        Assert.True(true);
    }

    [Fact]
    public void Fails_On_Purpose() => Assert.Equal(1, 2);

    [Fact(Skip = "shows a skipped test")]
    public void Is_Skipped()
    {
    }
}
