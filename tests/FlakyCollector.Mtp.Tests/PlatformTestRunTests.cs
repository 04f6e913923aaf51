using FlakyCollector.Configuration;

namespace FlakyCollector.Mtp.Tests;

public sealed class PlatformTestRunTests
{
    private static readonly FlakyTraceSettings Settings = new();

    [Fact]
    public void Defaults_UnderDotnetTest_TheExecutionIdIsTheRunId()
    {
        var execution = Guid.NewGuid();

        var settings = PlatformTestRun.Defaults(name => name == SettingNames.EnvPlatformExecutionId ? execution.ToString("N") : null)(Settings);

        Assert.Equal(execution.ToString(), settings.TestRunId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-guid")]
    public void Defaults_RunOnItsOwn_ARunIdOfItsOwn(string? executionId)
    {
        var first = PlatformTestRun.Defaults(_ => executionId)(Settings);
        var second = PlatformTestRun.Defaults(_ => executionId)(Settings);

        Assert.True(Guid.TryParse(first.TestRunId, out _));
        Assert.NotEqual(first.TestRunId, second.TestRunId);
    }

    [Fact]
    public void Defaults_RunIdInTheSettings_Kept()
    {
        var settings = PlatformTestRun.Defaults(_ => Guid.NewGuid().ToString())(Settings with { TestRunId = "from-targets" });

        Assert.Equal("from-targets", settings.TestRunId);
    }
}
