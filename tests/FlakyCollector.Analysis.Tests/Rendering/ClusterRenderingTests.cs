using System.Text.Json;
using FlakyCollector.Analysis.Rendering;
using FlakyCollector.Analysis.Tests.Samples;
using Xunit.Abstractions;

namespace FlakyCollector.Analysis.Tests.Rendering;

/// <summary>How clusters, runtimes and grouped failures read in the console, markdown and JSON outputs.</summary>
public sealed class ClusterRenderingTests(CiHistoryReportFixture history, ITestOutputHelper output) : IClassFixture<CiHistoryReportFixture>
{
    [Fact]
    public void Console_ClusterFirstThenTestsFailingAloneThenRuntimeBoundUnderFailing()
    {
        using var writer = new StringWriter();
        ConsoleReportWriter.Write(history.Report, writer);
        var text = writer.ToString();
        output.WriteLine(text);

        var cluster = text.IndexOf("Tests that fail together: 1 cluster", StringComparison.Ordinal);
        var alone = text.IndexOf("Tests that fail alone: 6", StringComparison.Ordinal);
        var failing = text.IndexOf("Failing but not flaky", StringComparison.Ordinal);
        Assert.True(cluster > 0 && alone > cluster && failing > alone, "clusters, then tests failing alone, then failing tests");
        Assert.Contains("  cluster 1: 4 tests fail together in 6 of 40 runs", text, StringComparison.Ordinal);
        Assert.Contains("    cause: external (shared by 4): HTTP GET warehouse-api/api/bins/{id}", text, StringComparison.Ordinal);
        Assert.Contains($"  {CiHistoryCatalog.RuntimeBound} [.NET 8]  failed 40/40  fails on .NET 8 only (passes on .NET 10): Xunit.Sdk.EqualException", text, StringComparison.Ordinal);
        // One failure, however many order numbers: "Confirmation for order 4711" and "... order 982" are counted together.
        var race = history.Report.Tests.Single(t => t.Name == CiHistoryCatalog.Race);
        Assert.Equal(race.Failed, race.TopErrorCount);
        // The type is said once.
        Assert.Contains("System.InvalidOperationException: bin ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.InvalidOperationException: System.InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_LeadsWithTheCluster()
    {
        using var writer = new StringWriter();
        MarkdownReportWriter.Write(history.Report, writer);
        var text = writer.ToString();

        Assert.True(text.IndexOf("### Tests that fail together (1 cluster)", StringComparison.Ordinal) < text.IndexOf("### Tests that fail alone (6)", StringComparison.Ordinal));
        Assert.Contains("1. **4 tests fail together in 6 of 40 runs**; external (shared by 4)", text, StringComparison.Ordinal);
        Assert.Contains("fails on .NET 8 only (passes on .NET 10)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ClustersAtTopLevelAndRuntimePerTest()
    {
        using var buffer = new MemoryStream();
        JsonReportWriter.Write(history.Report, buffer);
        using var document = JsonDocument.Parse(buffer.ToArray());

        var cluster = Assert.Single(document.RootElement.GetProperty("clusters").EnumerateArray());
        Assert.Equal(CiHistoryCatalog.Cluster.Order(StringComparer.Ordinal), cluster.GetProperty("tests").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(6, cluster.GetProperty("failedRuns").GetInt32());
        var cause = cluster.GetProperty("causes")[0];
        Assert.Equal("external", cause.GetProperty("kind").GetString());
        Assert.Equal(4, cause.GetProperty("tests").GetArrayLength());
        var bound = document.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("name").GetString() == CiHistoryCatalog.RuntimeBound).ToList();
        Assert.Equal([".NET 10", ".NET 8"], bound.Select(t => t.GetProperty("runtime").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(".NET 8", bound.Single(t => t.TryGetProperty("failsOnlyOn", out _)).GetProperty("failsOnlyOn").GetString());
        Assert.True(document.RootElement.GetProperty("input").GetProperty("duplicateSpans").GetInt64() > 0);
    }
}
