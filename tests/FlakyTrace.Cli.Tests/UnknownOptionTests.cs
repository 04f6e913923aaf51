namespace FlakyTrace.Cli.Tests;

/// <summary>A mistyped option is named as an option, with the near one, and never read as a missing file.</summary>
public sealed class UnknownOptionTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    [Theory]
    [InlineData("analyze", "--fromat", "--format")]
    [InlineData("analyze", "--fail-on-flakey", "--fail-on-flaky")]
    [InlineData("report", "--max-run", "--max-runs")]
    [InlineData("report", "--ouptut", "--output")]
    public void Typo_IsAnUnknownOptionWithTheNearOne(string command, string typo, string near)
    {
        var run = CommandLineRun.Of(command, samples.Flaky, typo, "json");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"flakytrace: unknown option '{typo}' for '{command}'. Did you mean '{near}'?\n", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("No such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Repro_DotnetTestArguments_AreNotTakenForItsOwnOptions()
    {
        var run = CommandLineRun.Of("repro", "--from", Path.Combine(samples.Root, "no-such-folder"), "--", "--settings", "x.runsettings");

        Assert.DoesNotContain("unknown option", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FarFromEveryOption_ListsTheCommandsOptions()
    {
        var run = CommandLineRun.Of("analyze", samples.Flaky, "--verbose");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("flakytrace: unknown option '--verbose' for 'analyze'. Its options: --format, --fail-on-flaky, --repro, --all, --output.\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fromat", "--format", 1)]
    [InlineData("--format", "--format", 0)]
    [InlineData("--fomrat", "--format", 1)]
    [InlineData("--all", "--format", 6)]
    public void Distance_CountsASwapAsOneEdit(string a, string b, int distance) =>
        Assert.Equal(distance, UnknownOptions.Distance(a, b));
}
