using System.Diagnostics;

namespace FlakyTrace.Cli.Tests;

/// <summary>The built tool run as a real process, as CI would run it.</summary>
public sealed class ProgramProcessTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    [Fact]
    public void Main_AnalyzeFailOnFlaky_ExitsOneWithReportOnStdout()
    {
        var (exitCode, output) = Run("analyze", samples.Flaky, "--fail-on-flaky", "--format", "markdown");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("## flakytrace: 5 flaky tests", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_Help_ExitsZeroAndListsVerbs()
    {
        var (exitCode, output) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("analyze", output, StringComparison.Ordinal);
        Assert.Contains("report", output, StringComparison.Ordinal);
        Assert.Contains("hunt", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_UnknownVerb_ExitsTwo() => Assert.Equal(2, Run("diagnose").ExitCode);

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "flakytrace.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "flakytrace did not exit within 60 s");
        return (process.ExitCode, output.Result);
    }
}
