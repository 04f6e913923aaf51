using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// CI runs this suite traced by FlakyTrace's own logger (.ci/run): the settings of that outer run
/// must not reach the sample runs the tests start, or every "untraced" run would be traced.
/// </summary>
public sealed class OuterRunSettingTests
{
    [Theory]
    [InlineData("VSTestSetting")]
    [InlineData("VSTestLogger")]
    [InlineData("VSTEST_HOST_DEBUG")]
    [InlineData("FLAKYTRACE_RECORDING_CHANNEL")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("MSBUILDNOINPROCNODE")]
    public void SettingsOfTheOuterRun_AreNotPassedOn(string name) => Assert.True(DotnetCommand.IsOuterRunSetting(name));

    [Theory]
    [InlineData("PATH")]
    [InlineData("DOTNET_ROOT")]
    [InlineData("NUGET_PACKAGES")]
    public void TheMachinesSettings_ArePassedOn(string name) => Assert.False(DotnetCommand.IsOuterRunSetting(name));
}
