using System.Buffers.Binary;
using System.Text.RegularExpressions;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyTrace.Cli.Tests;

public sealed class ReportCommandTests(SampleRunsFixture samples, CiHistoryRunsFixture history) : IClassFixture<SampleRunsFixture>, IClassFixture<CiHistoryRunsFixture>
{
    [Fact]
    public void Report_FlakyRuns_WritesSelfContainedHtml()
    {
        var file = Path.Combine(samples.Root, "plain.html");

        var run = CommandLineRun.Of("report", samples.Flaky, "-o", file, "--max-runs", "4");

        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(file);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "<section class=\"run\"").Count);
    }

    [Fact]
    public void Report_FailOnFlaky_ExitsOneAfterWriting()
    {
        var file = Path.Combine(samples.Root, "failing.html");

        Assert.Equal(1, CommandLineRun.Of("report", samples.Flaky, "-o", file, "--fail-on-flaky").ExitCode);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void Report_InHeadlessChromium_RendersTestsTimelineAndScreenshot()
    {
        HeadlessChromium.RequireInstalled();
        var file = Path.Combine(samples.Root, "report.html");
        Assert.Equal(0, CommandLineRun.Of("report", samples.Flaky, "-o", file, "--max-runs", "6").ExitCode);
        var url = new Uri(file).AbsoluteUri;

        var dom = HeadlessChromium.Run(url, "--dump-dom");

        Assert.Contains("<h1>flakytrace report: 5 flaky tests</h1>", dom, StringComparison.Ordinal);
        foreach (var test in SampleCatalog.Tests)
        {
            Assert.Contains($"data-test=\"{System.Net.WebUtility.HtmlEncode(test.Name)}\"", dom, StringComparison.Ordinal);
        }

        Assert.Equal(6, Regex.Matches(dom, "<section class=\"run\"").Count);
        Assert.Equal(6 * SampleCatalog.Tests.Count, Regex.Matches(dom, "<a class=\"bar ").Count);
        Assert.Contains("class=\"bar fail flaky\"", dom, StringComparison.Ordinal);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "flakytrace-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        HeadlessChromium.Run(url, $"--screenshot={screenshot}", "--window-size=1400,2400");

        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 50_000, $"screenshot {screenshot} is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1400, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    [Fact]
    public void Report_InHeadlessChromium_BarLinkOpensTheTestsSpansAndError()
    {
        var file = Path.Combine(samples.Root, "drill.html");
        Assert.Equal(0, CommandLineRun.Of("report", samples.Flaky, "-o", file, "--max-runs", "2").ExitCode);
        var html = File.ReadAllText(file);
        var target = Regex.Match(html, "<a class=\"bar fail flaky\" href=\"#(e-[0-9a-f]{32})\"").Groups[1].Value;

        var dom = HeadlessChromium.Run(new Uri(file).AbsoluteUri + "#" + target, "--dump-dom");

        // The page's script opened the failed test's entry and the run's list around it.
        var entry = Regex.Match(dom, $"<details class=\"exec\" id=\"{target}\"[^>]*>");
        Assert.Contains("open", entry.Value, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<details class=\"run-tests\" open[^>]*>(?:(?!</details></section>).)*id=\"{target}\"", RegexOptions.Singleline), dom);
    }

    [Fact]
    public void Report_InHeadlessChromium_ShowsFailingAndPassingSideBySideWithTheDifferencesMarked()
    {
        var file = Artefact("flakytrace-ci-history.html");
        Assert.Equal(0, CommandLineRun.Of("report", history.Traces, "-o", file, "--max-runs", "3").ExitCode);

        var dom = HeadlessChromium.Run(new Uri(file).AbsoluteUri, "--dump-dom");

        // One side-by-side view per flaky test, plus one per cluster.
        Assert.Equal(CiHistoryCatalog.Expected.Count + 1, Regex.Matches(dom, "<div class=\"compare\"").Count);
        var race = Compare(dom, CiHistoryCatalog.Race);
        Assert.Matches("<div class=\"cmp-row d-late[^\"]*\" data-label=\"SendConfirmation\" data-diff=\"late[^\"]*\">", race);
        Assert.Contains("<span class=\"kind k-race\">race</span> SendConfirmation ends after the test", race, StringComparison.Ordinal);
        Assert.Matches("<i class=\"late\" style=\"left:[0-9.]+%;width:[0-9.]+%\"", race);
        Assert.True(Regex.Matches(race, "<b class=\"test-end\"").Count >= 4, "each track marks where the test ended");

        var outage = Compare(dom, CiHistoryCatalog.Cluster[0]);
        Assert.Matches("data-label=\"HTTP GET warehouse-api/api/bins/\\{id\\}\" data-diff=\"error\"", outage);
        Assert.Contains("<b class=\"mark m-error\">error</b> status 503", outage, StringComparison.Ordinal);

        var cluster = Regex.Match(dom, "<article class=\"cluster\" data-tests=\"([^\"]*)\"");
        Assert.Equal(CiHistoryCatalog.Cluster.Order(StringComparer.Ordinal), cluster.Groups[1].Value.Split('\n').Order(StringComparer.Ordinal));

        // The race test's article alone, with the report's own stylesheet: the picture to look at.
        var html = File.ReadAllText(file);
        var article = Regex.Match(html, $"<article class=\"flaky-test\" id=\"t-[0-9a-f]+\" data-test=\"{Regex.Escape(CiHistoryCatalog.Race)}\">.*?</article>", RegexOptions.Singleline).Value;
        var page = Artefact("flakytrace-side-by-side.html");
        File.WriteAllText(page, html[..(html.IndexOf("</head>", StringComparison.Ordinal) + 7)] + "<body>" + article + "</body></html>");
        var screenshot = Artefact("flakytrace-side-by-side.png");
        File.Delete(screenshot);
        HeadlessChromium.Run(new Uri(page).AbsoluteUri, $"--screenshot={screenshot}", "--window-size=1400,700");
        Assert.True(new FileInfo(screenshot).Length > 20_000);
    }

    [Fact]
    public void Report_InHeadlessChromium_RunsTitledByProjectCommitAndTimeWithAxisAndReadableEvidence()
    {
        var file = Artefact("flakytrace-ci-history-titles.html");
        Assert.Equal(0, CommandLineRun.Of("report", history.Traces, "-o", file, "--max-runs", "2").ExitCode);

        var dom = HeadlessChromium.Run(new Uri(file).AbsoluteUri, "--dump-dom");

        var headers = Regex.Matches(dom, "<section class=\"run\" data-run=\"([^\"]+)\"><header title=\"run id [^\"]+\">([^<]*)<span>").ToList();
        Assert.Equal(2, headers.Count);
        Assert.All(headers, h =>
        {
            Assert.DoesNotContain(h.Groups[1].Value, h.Groups[2].Value, StringComparison.Ordinal);
            Assert.Matches("^Shop\\.Interop\\.Tests, Shop\\.Tests · commit 9c0ffee1 · 2025-06-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC $", h.Groups[2].Value);
        });
        Assert.True(Regex.Matches(dom, "<div class=\"axis\"><span class=\"tick\" style=\"left:0%\">0</span>").Count >= 2, "every run timeline has a time axis");
        Assert.Matches("<details class=\"evidence\"><summary>evidence</summary><dl><dt>span</dt>", dom);
        Assert.Contains("<dt>p-value (adjusted)</dt>", dom, StringComparison.Ordinal);
        Assert.DoesNotMatch("pValue=|failingRuns=", dom);
        // A failed call's drill-down names its status once.
        Assert.Matches("<span class=\"name\"[^>]*>HTTP [^<]* · status 5\\d\\d</span>", dom);
        Assert.DoesNotMatch("\\b(\\d{3}) \\1\\b|status (\\d{3}) · \\2\\b", dom);
    }

    /// <summary>A file kept after the run next to the screenshots, to open and look at.</summary>
    private static string Artefact(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    private static string Compare(string dom, string test)
    {
        var match = Regex.Match(dom, $"<div class=\"compare\" data-test=\"{Regex.Escape(System.Net.WebUtility.HtmlEncode(test))}\".*?\n</div>\n", RegexOptions.Singleline);
        Assert.True(match.Success, $"no side-by-side view for {test}");
        return match.Value;
    }
}
