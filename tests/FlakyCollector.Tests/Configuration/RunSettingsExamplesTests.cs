using System.Xml.Linq;
using FlakyCollector.Configuration;

namespace FlakyCollector.Tests.Configuration;

/// <summary>The examples in runsettings/ are what users copy: each must read without a warning.</summary>
public sealed class RunSettingsExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExamplesDirectory(), "*.runsettings"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ReadsWithoutWarnings(string fileName)
    {
        var configuration = XDocument.Load(Path.Combine(ExamplesDirectory(), fileName))
            .Descendants("DataCollector")
            .Single(c => (string?)c.Attribute("friendlyName") == "FlakyTrace")
            .Element("Configuration")!;
        var values = configuration.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase);

        var reader = new SettingsReader(values, _ => null);
        reader.Read();

        Assert.NotEmpty(values);
        Assert.Empty(reader.Warnings);
    }

    [Fact]
    public void Examples_CoverFileOnlyGrpcVendorAndSampling()
    {
        Assert.Equal(
            ["file-only.runsettings", "otlp-grpc-local-collector.runsettings", "sampling.runsettings", "vendor-api-key.runsettings"],
            Directory.GetFiles(ExamplesDirectory(), "*.runsettings").Select(Path.GetFileName).Order());
    }

    private static string ExamplesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var examples = Path.Combine(directory.FullName, "runsettings");
            if (File.Exists(Path.Combine(directory.FullName, "FlakyCollector.sln")) && Directory.Exists(examples))
            {
                return examples;
            }
        }

        throw new InvalidOperationException("runsettings/ not found above the test assembly");
    }
}
