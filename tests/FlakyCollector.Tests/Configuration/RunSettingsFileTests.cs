using FlakyCollector.Configuration;

namespace FlakyCollector.Tests.Configuration;

public sealed class RunSettingsFileTests
{
    [Fact]
    public void Parse_EnabledCollector_GivesItsConfiguration()
    {
        var file = RunSettingsFile.Parse("""
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="XPlat Code Coverage" />
              <DataCollector friendlyName="flaktrace" />
              <DataCollector friendlyName="FlakyTrace"><Configuration>
                <Endpoint> http://localhost:4317 </Endpoint><ServiceName>orders</ServiceName>
              </Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """, out var problem);

        Assert.Null(problem);
        Assert.True(file.CollectorEnabled);
        Assert.Equal(" http://localhost:4317 ", file.Configuration["endpoint"]);
        Assert.Equal("orders", file.Configuration["ServiceName"]);
    }

    [Theory]
    [InlineData("false")]
    [InlineData(" FALSE ")]
    public void Parse_DisabledCollector_IsNotEnabled(string enabled)
    {
        var file = RunSettingsFile.Parse($"""<RunSettings><DataCollectionRunSettings><DataCollectors><DataCollector friendlyName="flakytrace" enabled="{enabled}" /></DataCollectors></DataCollectionRunSettings></RunSettings>""", out _);

        Assert.False(file.CollectorEnabled);
    }

    [Fact]
    public void Parse_NoCollector_IsNone()
    {
        var file = RunSettingsFile.Parse("<RunSettings><MSTest><Parallelize /></MSTest></RunSettings>", out var problem);

        Assert.Null(problem);
        Assert.Same(RunSettingsFile.None, file);
    }

    [Fact]
    public void Parse_NotXml_SaysWhy()
    {
        var file = RunSettingsFile.Parse("<RunSettings><unclosed></RunSettings>", out var problem);

        Assert.False(file.CollectorEnabled);
        Assert.StartsWith("it is not valid XML", problem, StringComparison.Ordinal);
    }
}
