namespace FlakyTrace.Cli.Tests;

/// <summary>
/// <c>hunt</c> against a stand-in for <c>dotnet</c>: a script that records its arguments and
/// "runs the tests" by copying one generated run's traces into the results directory it was given.
/// </summary>
public sealed class HuntCommandTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    private const string FakeDotnet = """
        #!/bin/sh
        # Stand-in for dotnet: copy run N of the samples (last argument) into --results-directory .../run-N.
        results=""; previous=""
        for argument in "$@"; do
          [ "$previous" = "--results-directory" ] && results="$argument"
          previous="$argument"; source="$argument"
        done
        echo "$@" >> "$(dirname "$0")/calls.log"
        number=$(printf "%03d" "${results##*-}")
        [ -d "$source/run-$number" ] && cp -r "$source/run-$number/." "$results/"
        echo "Failed!  - Failed: 1, Passed: 21"
        exit 1
        """;

    [Fact]
    public void Hunt_ThreeRuns_RunsDotnetTestWithCollectorThenAnalyzes()
    {
        var (script, log) = WriteFakeDotnet();
        var results = Path.Combine(samples.Root, "hunt-ok");

        var run = CommandLineRun.Of("hunt", "--runs", "3", "--dotnet", script, "-r", results, "--", "--filter", "Category!=Slow", samples.Flaky);

        Assert.Equal(0, run.ExitCode);
        var calls = File.ReadAllLines(log);
        Assert.Equal(3, calls.Length);
        Assert.StartsWith($"test --collect FlakyTrace --results-directory {Path.Combine(results, "run-1")} --filter Category!=Slow", calls[0], StringComparison.Ordinal);
        Assert.Contains("--no-build", calls[1], StringComparison.Ordinal);
        Assert.Contains("run 3/3: dotnet test exited 1 (test failures)", run.Error, StringComparison.Ordinal);
        Assert.Contains("66 executions of 22 tests in 3 runs", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(results, "run-2", "dotnet-test.log")));
    }

    [Fact]
    public void Hunt_NoTraceFiles_ExitsFourAndExplains()
    {
        var (script, _) = WriteFakeDotnet();

        var run = CommandLineRun.Of("hunt", "--runs", "2", "--dotnet", script, "-r", Path.Combine(samples.Root, "hunt-empty"), "--", Path.Combine(samples.Root, "nowhere"));

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("FlakyCollector package", run.Error, StringComparison.Ordinal);
        Assert.Contains("Failed!  - Failed: 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hunt_DotnetMissing_ExitsFour() =>
        Assert.Equal(4, CommandLineRun.Of("hunt", "--runs", "1", "--dotnet", "/no/such/dotnet", "-r", Path.Combine(samples.Root, "hunt-missing")).ExitCode);

    [Fact]
    public void Hunt_ZeroRuns_ExitsTwo() => Assert.Equal(2, CommandLineRun.Of("hunt", "--runs", "0").ExitCode);

    private (string Script, string Log) WriteFakeDotnet()
    {
        var directory = Directory.CreateDirectory(Path.Combine(samples.Root, "fake-" + Guid.NewGuid().ToString("N")));
        var script = Path.Combine(directory.FullName, "dotnet");
        File.WriteAllText(script, FakeDotnet.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return (script, Path.Combine(directory.FullName, "calls.log"));
    }
}
