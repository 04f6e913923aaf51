using FlakyCollector.Configuration;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class TraceSessionTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void ReadSettings_NoConfiguration_EnabledWithNoNamedSources()
    {
        var settings = TraceSession.ReadSettings(ConfigurationXml.Values(null), NoEnvironment, null);

        Assert.NotNull(settings);
        Assert.Empty(settings.ActivitySources);
    }

    [Fact]
    public void ReadSettings_ActivitySources_ParsedOnceAndRecordedWithTheDefaults()
    {
        var settings = TraceSession.ReadSettings(
            ConfigurationXml.Values("<Configuration><activitysources>MyCompany.*; Microsoft.EntityFrameworkCore</activitysources></Configuration>"), NoEnvironment, null);

        Assert.Equal(["MyCompany.*", "Microsoft.EntityFrameworkCore"], settings!.ActivitySources);
        var recorded = ActivitySourceList.Recorded(settings.ActivitySources);
        Assert.True(recorded.Matches("System.Net.Http"));
        Assert.True(recorded.Matches("Microsoft.AspNetCore"));
        Assert.True(recorded.Matches("MyCompany.Orders"));
        Assert.False(recorded.Matches("Other"));
    }

    [Theory]
    [InlineData("<Configuration><Enabled>false</Enabled></Configuration>", null)]
    [InlineData(null, "true")]
    public void ReadSettings_SwitchedOff_Null(string? xml, string? sdkDisabled)
    {
        Assert.Null(TraceSession.ReadSettings(ConfigurationXml.Values(xml), name => name == SettingNames.EnvSdkDisabled ? sdkDisabled : null, null));
    }

    [Fact]
    public void ReadSettings_EnabledTrueAndSdkDisabled_OnBecauseRunSettingsWin()
    {
        Assert.NotNull(TraceSession.ReadSettings(
            ConfigurationXml.Values("<Configuration><Enabled>true</Enabled></Configuration>"), name => name == SettingNames.EnvSdkDisabled ? "true" : null, null));
    }

    [Fact]
    public void ReadSettings_BadXml_DefaultsAndNoException()
    {
        Assert.NotNull(TraceSession.ReadSettings(ConfigurationXml.Values("<Configuration><Enabled>"), NoEnvironment, null));
    }

    [Fact]
    public void Start_Warnings_ReportedAndTracerBuilt()
    {
        var report = new FakeRunReport();
        var directory = Path.Combine(Path.GetTempPath(), "flakytrace-session-" + Guid.NewGuid().ToString("N"));

        using var tracer = TraceSession.Start(new TraceSessionOptions
        {
            RunSettings = new Dictionary<string, string> { [SettingNames.Protocol] = "carrier-pigeon" },
            Environment = NoEnvironment,
            Report = report,
            ResultsDirectory = () => directory,
            FrontEndDefaults = s => s with { TestRunId = "run-1" },
            CreateExporter = _ => null,
        });

        Assert.NotNull(tracer);
        Assert.Equal("run-1", tracer.Settings.TestRunId);
        Assert.Contains(report.Warnings, w => w.Contains("carrier-pigeon", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_SwitchedOff_NoTracerAndNoResultsDirectoryAsked()
    {
        var asked = false;

        var tracer = TraceSession.Start(new TraceSessionOptions
        {
            RunSettings = new Dictionary<string, string> { [SettingNames.Enabled] = "false" },
            Environment = NoEnvironment,
            Report = new FakeRunReport(),
            ResultsDirectory = () =>
            {
                asked = true;
                return "unused";
            },
        });

        Assert.Null(tracer);
        Assert.False(asked);
    }
}
