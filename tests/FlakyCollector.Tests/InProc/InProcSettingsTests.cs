using FlakyCollector.InProc;

namespace FlakyCollector.Tests.InProc;

public sealed class InProcSettingsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Parse_NoConfiguration_DefaultSourcesAndEnabled()
    {
        var settings = InProcSettings.Parse(null, NoEnvironment);

        Assert.True(settings.Enabled);
        Assert.Equal(["System.Net.Http", "Microsoft.AspNetCore"], settings.ActivitySources);
    }

    [Fact]
    public void Parse_ReproPlan_KeptForTheInjector()
    {
        var settings = InProcSettings.Parse("<Configuration><Repro>\ntest=T\naction=delay\nspan=S\n</Repro></Configuration>", _ => null);

        Assert.Equal("\ntest=T\naction=delay\nspan=S\n", settings.Repro);
        Assert.Null(InProcSettings.Parse("<Configuration><ActivitySources>A</ActivitySources></Configuration>", _ => null).Repro);
    }

    [Fact]
    public void Parse_ActivitySources_AddedToTheDefaults()
    {
        var settings = InProcSettings.Parse("<Configuration><activitysources>MyCompany.*; Microsoft.EntityFrameworkCore</activitysources></Configuration>", NoEnvironment);

        Assert.Equal(["System.Net.Http", "Microsoft.AspNetCore", "MyCompany.*", "Microsoft.EntityFrameworkCore"], settings.ActivitySources);
    }

    [Theory]
    [InlineData("<Configuration><Enabled>false</Enabled></Configuration>", null)]
    [InlineData(null, "true")]
    public void Parse_SwitchedOff_NotEnabled(string? xml, string? sdkDisabled)
    {
        var settings = InProcSettings.Parse(xml, name => name == "OTEL_SDK_DISABLED" ? sdkDisabled : null);

        Assert.False(settings.Enabled);
    }

    [Fact]
    public void Parse_EnabledTrueAndSdkDisabled_EnabledBecauseRunSettingsWin()
    {
        var settings = InProcSettings.Parse("<Configuration><Enabled>true</Enabled></Configuration>", name => name == "OTEL_SDK_DISABLED" ? "true" : null);

        Assert.True(settings.Enabled);
    }

    [Fact]
    public void Parse_BrokenXml_DefaultsWithoutThrowing()
    {
        var settings = InProcSettings.Parse("<Configuration><ActivitySources>", NoEnvironment);

        Assert.True(settings.Enabled);
        Assert.Equal(2, settings.ActivitySources.Count);
    }
}
