using System.Text.Json;

namespace FlakyTrace.Cli.Tests;

public sealed class AnalyzeCommandTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    [Fact]
    public void Analyze_FlakyRuns_PrintsTableAndExitsZero()
    {
        var run = CommandLineRun.Of("analyze", samples.Flaky);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 flaky tests, by runs disrupted:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Likely cause", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_FailOnFlakyWithFlakyTests_ExitsOne() =>
        Assert.Equal(1, CommandLineRun.Of("analyze", samples.Flaky, "--fail-on-flaky").ExitCode);

    [Fact]
    public void Analyze_FailOnFlakyWithoutFlakyTests_ExitsZero()
    {
        var run = CommandLineRun.Of("analyze", samples.Stable, "--fail-on-flaky");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No flaky tests found.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_JsonFormat_WritesContractToStdout()
    {
        var run = CommandLineRun.Of("analyze", samples.Flaky, "--format", "json");

        using var document = JsonDocument.Parse(run.Output);
        var flaky = document.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("flaky").GetBoolean()).ToList();
        Assert.Equal(5, flaky.Count);
        Assert.All(flaky, t => Assert.NotEqual("none", t.GetProperty("causes")[0].GetProperty("kind").GetString()));
    }

    [Fact]
    public void Analyze_MarkdownToFile_WritesFile()
    {
        var file = Path.Combine(samples.Root, "summary.md");

        var run = CommandLineRun.Of("analyze", samples.Flaky, "--format", "markdown", "-o", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## flakytrace: 5 flaky tests", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MissingPath_ExitsTwo()
    {
        var run = CommandLineRun.Of("analyze", Path.Combine(samples.Root, "does-not-exist"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No such file or directory", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("yaml")]
    public void Analyze_UnknownFormat_ExitsTwoNamingTheLowercaseValues(string format)
    {
        var run = CommandLineRun.Of("analyze", samples.Flaky, "--format", format);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"flakytrace: --format '{format}' is not known; use console, json or markdown.\nRun 'flakytrace --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Analyze_FormatInCapitals_IsAccepted()
    {
        var run = CommandLineRun.Of("analyze", samples.Flaky, "--format", "Markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## flakytrace: 5 flaky tests", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Help_ShowsFormatValuesInLowercase()
    {
        var run = CommandLineRun.Of("analyze", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-f, --format <console|json|markdown>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OutputFormat", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Console", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OutputInMissingFolder_ExitsFiveWithOneLine()
    {
        var folder = Path.Combine(samples.Root, "missing-dir");
        var file = Path.Combine(folder, "a.md");

        var run = CommandLineRun.Of("analyze", samples.Flaky, "-o", file);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"flakytrace: cannot write {file}: the folder {folder} does not exist.\n", run.Error);
    }

    [Fact]
    public void Analyze_OutputIsAFolder_ExitsFiveWithOneLine()
    {
        var run = CommandLineRun.Of("analyze", samples.Flaky, "-o", samples.Stable);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal($"flakytrace: cannot write {samples.Stable}: it is a folder; name a file.\n", run.Error);
    }

    [Theory]
    [InlineData("results.trx", "a TRX file (XML test results)")]
    [InlineData("traces.otlp.jsonl.gz", "a gzip-compressed file (decompress it first, e.g. with gunzip)")]
    [InlineData("traces.zip", "a zip archive (extract it and give the folder)")]
    [InlineData("traces.pb", "a binary file")]
    [InlineData("flakytrace-report.html", "an HTML file")]
    [InlineData("dotnet-test.log", "a text file that is not JSON (it starts \"Determining projects to restore...\")")]
    public void Analyze_FileThatIsNotJson_SaysOnceWhatItIsAndWhatIsExpected(string name, string kind)
    {
        var file = NotJsonFiles.Write(Path.Combine(samples.Root, "not-json"), name);

        var run = CommandLineRun.Of("analyze", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            $"flakytrace: {file}: this is {kind}; flakytrace reads OTLP/JSON Lines (*.otlp.jsonl), such as the files FlakyCollector writes under TestResults/flakytrace/.\n",
            run.Error);
    }

    [Fact]
    public void Analyze_FileWithSomeBadLines_IsStillRead()
    {
        var file = Path.Combine(samples.Root, "mixed.otlp.jsonl");
        File.WriteAllLines(file, ["not json", .. File.ReadLines(Directory.GetFiles(samples.Flaky, "*.jsonl", SearchOption.AllDirectories)[0])]);

        var run = CommandLineRun.Of("analyze", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("warning: 1 malformed line skipped:\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NoPath_ExitsTwo() => Assert.Equal(2, CommandLineRun.Of("analyze").ExitCode);

    [Fact]
    public void Analyze_NoTestSpans_ExitsThree()
    {
        var run = CommandLineRun.Of("analyze", samples.Empty);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"flakytrace: no test spans (spans with test.case.name) in 1 file under {samples.Empty}.\n", run.Error);
    }

    [Fact]
    public void Analyze_FolderWithOnlyTrx_ExitsThreeSayingWhereTracesComeFrom()
    {
        var folder = Path.Combine(samples.Root, "trx-only");
        NotJsonFiles.Write(folder, "results.trx");

        var run = CommandLineRun.Of("analyze", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            $"flakytrace: no .otlp.jsonl file under {folder}. FlakyCollector writes them under the results directory's flakytrace/ folder: dotnet test --collect FlakyTrace (--flaky-trace under Microsoft.Testing.Platform).\n",
            run.Error);
    }
}
