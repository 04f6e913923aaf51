using System.Buffers.Binary;
using System.Text.RegularExpressions;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyTrace.Cli.Tests;

public sealed class ReportCommandTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
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

        Assert.Contains("<h1>flakytrace report: 5 flaky test(s)</h1>", dom, StringComparison.Ordinal);
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
}
