using FlakyCollector.Analysis.Rendering;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Rendering;

public sealed class MarkdownReportWriterTests(SampleReportFixture sample) : IClassFixture<SampleReportFixture>
{
    [Fact]
    public void Write_Report_HasHeadingRankedTableAndDetails()
    {
        var markdown = Render(all: false);

        Assert.StartsWith("## flakytrace: 5 flaky tests", markdown, StringComparison.Ordinal);
        Assert.Contains("| # | Test | Failed runs | Failure rate | Likely cause |", markdown, StringComparison.Ordinal);
        Assert.Contains($"`{SampleCatalog.SlowQuery}`", markdown, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(markdown, "<details>"));
        Assert.Contains("**timing**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Failing but not flaky:** 1", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Tests.CartTests.AddsItem", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AllTests_ListsStableTestsToo() =>
        Assert.Contains("`Shop.Tests.CartTests.AddsItem` |", Render(all: true), StringComparison.Ordinal);

    [Fact]
    public void Write_TableCells_EscapePipes()
    {
        var markdown = Render(all: true);

        Assert.All(markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)), line => Assert.True(CountOf(line.Replace("\\|", "", StringComparison.Ordinal), "|") >= 6));
    }

    private string Render(bool all)
    {
        using var writer = new StringWriter();
        MarkdownReportWriter.Write(sample.Report, writer, all);
        return writer.ToString();
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
