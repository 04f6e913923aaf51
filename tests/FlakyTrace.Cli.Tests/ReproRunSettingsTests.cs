using System.Xml.Linq;

namespace FlakyTrace.Cli.Tests;

public sealed class ReproRunSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flakytrace-repro-settings-").FullName;

    [Fact]
    public void Write_UsersFile_KeepsItsSettingsAndEnablesTheCollectorWithThePlan()
    {
        var user = Path.Combine(_folder, "user.runsettings");
        File.WriteAllText(user, """
            <RunSettings>
              <RunConfiguration><MaxCpuCount>2</MaxCpuCount></RunConfiguration>
              <DataCollectionRunSettings><DataCollectors>
                <DataCollector friendlyName="FlakyTrace" enabled="false"><Configuration><ActivitySources>Shop.*</ActivitySources><Enabled>false</Enabled><Repro>old</Repro></Configuration></DataCollector>
              </DataCollectors></DataCollectionRunSettings>
            </RunSettings>
            """);
        var path = Path.Combine(_folder, "with.runsettings");

        ReproRunSettings.Write(path, user, "test=T\naction=delay\nspan=S\nby=5ms");

        var root = XElement.Load(path);
        var collector = root.Descendants("DataCollector").Single();
        Assert.Equal("true", (string?)collector.Attribute("enabled"));
        Assert.Equal("Shop.*", collector.Descendants("ActivitySources").Single().Value);
        Assert.Empty(collector.Descendants("Enabled"));
        Assert.Equal("\ntest=T\naction=delay\nspan=S\nby=5ms\n", collector.Descendants("Repro").Single().Value);
        Assert.Equal("2", root.Descendants("MaxCpuCount").Single().Value);
    }

    [Fact]
    public void Write_NoUsersFileNoPlan_OnlyTheEnabledCollector()
    {
        var path = Path.Combine(_folder, "without.runsettings");

        ReproRunSettings.Write(path, null, null);

        var collector = XElement.Load(path).Descendants("DataCollector").Single();
        Assert.Equal("FlakyTrace", (string?)collector.Attribute("friendlyName"));
        Assert.Empty(collector.Descendants("Repro"));
    }

    [Fact]
    public void Write_Serial_SwitchesEachFrameworkToOneTestAtATime()
    {
        var path = Path.Combine(_folder, "serial.runsettings");

        ReproRunSettings.Write(path, null, null, serial: true);

        var root = XElement.Load(path);
        Assert.Equal("false", root.Element("xUnit")!.Element("ParallelizeTestCollections")!.Value);
        Assert.Equal("0", root.Element("NUnit")!.Element("NumberOfTestWorkers")!.Value);
        Assert.Equal("1", root.Element("MSTest")!.Element("Parallelize")!.Element("Workers")!.Value);
    }

    [Fact]
    public void Write_UsersFileNotXml_SaysWhich()
    {
        var user = Path.Combine(_folder, "broken.runsettings");
        File.WriteAllText(user, "<RunSettings>");

        var ex = Assert.Throws<InvalidDataException>(() => ReproRunSettings.Write(Path.Combine(_folder, "x.runsettings"), user, null));
        Assert.Contains(user, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
