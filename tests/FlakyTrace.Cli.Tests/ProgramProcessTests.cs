using System.Diagnostics;

namespace FlakyTrace.Cli.Tests;

/// <summary>The built tool run as a real process, as CI would run it.</summary>
public sealed class ProgramProcessTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    [Fact]
    public void Main_AnalyzeFailOnFlaky_ExitsOneWithReportOnStdout()
    {
        var (exitCode, output, _) = Run("analyze", samples.Flaky, "--fail-on-flaky", "--format", "markdown");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("## flakytrace: 5 flaky tests", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_Help_ExitsZeroAndListsVerbs()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("analyze", output, StringComparison.Ordinal);
        Assert.Contains("report", output, StringComparison.Ordinal);
        Assert.Contains("hunt", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_UnknownVerb_ExitsTwo() => Assert.Equal(2, Run("diagnose").ExitCode);

    [Fact]
    public void Main_ReportIntoMissingFolder_ExitsFiveWithOneLineAndNoStackTrace()
    {
        var (exitCode, output, error) = Run("report", samples.Flaky, "-o", "/missing-dir/r.html");

        Assert.Equal(5, exitCode);
        Assert.Equal("", output);
        Assert.Equal("flakytrace: cannot write /missing-dir/r.html: the folder /missing-dir does not exist.\n", error);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "flakytrace.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "flakytrace did not exit within 60 s");
        return (process.ExitCode, output.Result, error.Result);
    }
}
