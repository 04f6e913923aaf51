using System.Text.Json;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

/// <summary>
/// <c>&lt;Quarantine&gt;</c>: the spans of the tests a quarantine file lists carry
/// <c>flakytrace.quarantined=true</c>; others carry nothing, and a bad file costs one warning.
/// </summary>
public sealed class QuarantineListTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("flakytrace-quarantine-");
    private readonly FakeRunReport report = new();

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void Tag_ListedTest_SpanCarriesQuarantinedTrue()
    {
        var file = Quarantine("""{"quarantined":[{"name":"Shop.Tests.OrdersTests.Create(amount: 5)","cause":"race"}]}""");

        var spans = Run(new FlakyTraceSettings { Quarantine = file }, "Create", "Cancel");

        Assert.True(spans["Shop.Tests.OrdersTests.Create(amount: 5)"]);
        Assert.False(spans["Shop.Tests.OrdersTests.Cancel(amount: 5)"]);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Tag_EntryOfAnotherService_NotTagged()
    {
        var file = Quarantine("""{"quarantined":[{"name":"Shop.Tests.OrdersTests.Create(amount: 5)","service":"Billing.Tests"}]}""");

        var spans = Run(new FlakyTraceSettings { Quarantine = file }, "Create");

        Assert.False(spans["Shop.Tests.OrdersTests.Create(amount: 5)"]);
    }

    [Fact]
    public void Load_MissingFile_OneWarningAndTheRunGoesOn()
    {
        var spans = Run(new FlakyTraceSettings { Quarantine = Path.Combine(directory.FullName, "nope.json") }, "Create");

        Assert.False(spans["Shop.Tests.OrdersTests.Create(amount: 5)"]);
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("<Quarantine>", warning, StringComparison.Ordinal);
        Assert.Contains("no test is tagged quarantined", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAQuarantineFile_OneWarningNamingTheCommand()
    {
        var file = Quarantine("""[1, 2]""");

        Run(new FlakyTraceSettings { Quarantine = file }, "Create");

        Assert.Contains("flakytrace quarantine --history", Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsReader_QuarantineElement_IsReadWithoutWarning()
    {
        var reader = new SettingsReader(new Dictionary<string, string> { [SettingNames.Quarantine] = " quarantine.json " }, _ => null);

        Assert.Equal("quarantine.json", reader.Read().Quarantine);
        Assert.Empty(reader.Warnings);
    }

    private string Quarantine(string json)
    {
        var path = Path.Combine(directory.FullName, "quarantine.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Runs the tests through the tracer; per test name, whether its span carries <c>flakytrace.quarantined=true</c>.</summary>
    private Dictionary<string, bool> Run(FlakyTraceSettings settings, params string[] methods)
    {
        var results = directory.CreateSubdirectory(Guid.NewGuid().ToString("N"));
        using (var tracer = new TestRunTracer(settings, results.FullName, report, _ => null))
        {
            foreach (var method in methods)
            {
                tracer.OnTestCompleted(CompletedTests.Passed(method));
            }

            tracer.Complete(aborted: false);
        }

        var file = Assert.Single(Directory.GetFiles(results.FullName, "*" + OtlpJsonLinesFileWriter.FileExtension, SearchOption.AllDirectories));
        return File.ReadAllLines(file)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .SelectMany(l => l.GetProperty("resourceSpans").EnumerateArray())
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(s => s.GetProperty("spans").EnumerateArray())
            .Select(s => s.GetProperty("attributes").EnumerateArray().ToList())
            .Where(a => a.Exists(x => x.GetProperty("key").GetString() == TestAttributeNames.CaseName))
            .ToDictionary(
                a => a.First(x => x.GetProperty("key").GetString() == TestAttributeNames.CaseName).GetProperty("value").GetProperty("stringValue").GetString()!,
                a => a.Exists(x => x.GetProperty("key").GetString() == TestAttributeNames.Quarantined && x.GetProperty("value").GetProperty("boolValue").GetBoolean()));
    }
}
