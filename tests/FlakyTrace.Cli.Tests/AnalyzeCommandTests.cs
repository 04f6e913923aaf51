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

    [Fact]
    public void Analyze_UnknownFormat_ExitsTwo() => Assert.Equal(2, CommandLineRun.Of("analyze", samples.Flaky, "--format", "yaml").ExitCode);

    [Fact]
    public void Analyze_NoPath_ExitsTwo() => Assert.Equal(2, CommandLineRun.Of("analyze").ExitCode);

    [Fact]
    public void Analyze_NoTestSpans_ExitsThree()
    {
        var run = CommandLineRun.Of("analyze", samples.Empty);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no test spans", run.Error, StringComparison.Ordinal);
    }
}
