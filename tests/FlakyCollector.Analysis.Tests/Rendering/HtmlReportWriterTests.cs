using System.Text.RegularExpressions;
using FlakyCollector.Analysis.Rendering;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Rendering;

public sealed class HtmlReportWriterTests(SampleReportFixture sample) : IClassFixture<SampleReportFixture>
{
    [Fact]
    public void Write_Report_IsSelfContained()
    {
        var html = Render(maxRuns: 5);

        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_Report_DrawsRunsAsLanesWithLinkedDrillDowns()
    {
        var html = Render(maxRuns: 5);

        Assert.Equal(5, Regex.Matches(html, "<section class=\"run\"").Count);
        var bars = Regex.Matches(html, "<a class=\"bar (pass|fail|skip|unknown)[^\"]*\" href=\"#(e-[0-9a-f]{32})\"");
        Assert.Equal(5 * SampleCatalog.Tests.Count, bars.Count);
        Assert.All(bars, bar => Assert.Contains($"<details class=\"exec\" id=\"{bar.Groups[2].Value}\">", html, StringComparison.Ordinal));
        Assert.Contains("class=\"bar fail flaky\"", html, StringComparison.Ordinal);
        Assert.Contains("span-row", html, StringComparison.Ordinal);
        Assert.Contains("The operation has timed out", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Report_ContainsAnalysisWithCauseKinds()
    {
        var html = Render(maxRuns: 2);

        foreach (var (test, kind) in SampleCatalog.Expected)
        {
            Assert.Matches($"<article class=\"flaky-test\" id=\"t-[0-9a-f]{{16}}\" data-test=\"{Regex.Escape(System.Net.WebUtility.HtmlEncode(test))}\">", html);
            Assert.Contains($"data-kind=\"{kind.ToString().ToLowerInvariant()}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(503, "503", " · status 503")]
    [InlineData(503, "Service Unavailable 503", " · status 503")]
    [InlineData(0, "connection refused", " · connection refused")]
    [InlineData(500, "database deadlock detected while inserting the order row", " · status 500 · database deadlock detected while inserting the order row")]
    public void Note_StatusAndErrorText_SaysTheStatusOnce(int status, string errorText, string expected) =>
        Assert.Equal(expected, HtmlTimelineSection.Note(new Model.ChildSpanDetail("HTTP GET x", 1, 2, 0, 1, true, status, errorText)));

    private string Render(int maxRuns)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(sample.Report, sample.Corpus, writer, maxRuns);
        return writer.ToString();
    }
}
