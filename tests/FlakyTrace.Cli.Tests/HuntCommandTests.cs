using System.Text.RegularExpressions;

namespace FlakyTrace.Cli.Tests;

/// <summary>
/// <c>hunt</c> against a stand-in for <c>dotnet</c>: a script that records its arguments and
/// "runs the tests" by copying one generated run's traces into the results directory it was given.
/// </summary>
public sealed partial class HuntCommandTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    private const string CopyRun = """
        # Copy run N of the samples (last argument) into --results-directory .../run-N.
        results=""; previous=""
        for argument in "$@"; do
          [ "$previous" = "--results-directory" ] && results="$argument"
          previous="$argument"; source="$argument"
        done
        number=$(printf "%03d" "${results##*-}")
        [ -d "$source/run-$number" ] && cp -r "$source/run-$number/." "$results/"
        """;

    private const string VSTestFailures = CopyRun + """

        echo "Failed!  - Failed: 1, Passed: 21"
        exit 1
        """;

    [Fact]
    public void Hunt_ThreeRuns_RunsDotnetTestWithCollectorThenAnalyzes()
    {
        var (script, log) = WriteFakeDotnet(VSTestFailures);
        var results = Path.Combine(samples.Root, "hunt-ok");

        var run = CommandLineRun.Of("hunt", "--runs", "3", "--dotnet", script, "-r", results, "--", "--filter", "Category!=Slow", samples.Flaky);

        Assert.Equal(0, run.ExitCode);
        var calls = File.ReadAllLines(log);
        Assert.Equal(3, calls.Length);
        Assert.Equal($"test --collect FlakyTrace --results-directory {Path.Combine(results, "run-1")} --filter Category!=Slow {samples.Flaky}", calls[0]);
        Assert.Equal($"test --collect FlakyTrace --results-directory {Path.Combine(results, "run-2")} --no-build --filter Category!=Slow {samples.Flaky}", calls[1]);
        Assert.Equal(
            $"""
            flakytrace: 3 runs of dotnet test --collect FlakyTrace into {results}
            run 1/3: dotnet test exited 1 (test failures) in N s
            run 2/3: dotnet test exited 1 (test failures) in N s
            run 3/3: dotnet test exited 1 (test failures) in N s

            """,
            WithoutTimes(run.Error));
        Assert.Contains("66 executions of 22 tests in 3 runs", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(results, "run-2", "dotnet-test.log")));
    }

    [Fact]
    public void Hunt_BuildError_SaysTheBuildFailedWithItsFirstErrorAndStops()
    {
        var (script, log) = WriteFakeDotnet("""
            echo "  Determining projects to restore..."
            echo "/src/Orders.Tests/OrderTests.cs(12,5): error CS1002: ; expected [/src/Orders.Tests/Orders.Tests.csproj]"
            echo "/src/Orders.Tests/OrderTests.cs(14,1): error CS1022: Type or namespace definition, or end-of-file expected [/src/Orders.Tests/Orders.Tests.csproj]"
            echo ""
            echo "Build FAILED."
            exit 1
            """);
        var results = Path.Combine(samples.Root, "hunt-build-error");

        var run = CommandLineRun.Of("hunt", "--runs", "3", "--dotnet", script, "-r", results, "--", samples.Flaky);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            $"""
            flakytrace: 3 runs of dotnet test --collect FlakyTrace into {results}
            run 1/3: the build failed (dotnet test exited 1) in N s:
              /src/Orders.Tests/OrderTests.cs(12,5): error CS1002: ; expected [/src/Orders.Tests/Orders.Tests.csproj]
            flakytrace: fix the build, then hunt again. The whole output is in {Path.Combine(results, "run-1", "dotnet-test.log")}

            """,
            WithoutTimes(run.Error));
        Assert.Single(File.ReadAllLines(log));
    }

    [Fact]
    public void Hunt_GlobalJsonSelectsTestingPlatform_RunsFlakyTraceSwitchWithProject()
    {
        // An MTP suite: global.json in its folder, the runs' traces inside it for the stand-in to copy.
        var suite = Directory.CreateDirectory(Path.Combine(samples.Root, "mtp-suite")).FullName;
        File.WriteAllText(Path.Combine(suite, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        foreach (var number in new[] { "001", "002" })
        {
            CopyDirectory(Path.Combine(samples.Flaky, $"run-{number}"), Path.Combine(suite, $"run-{number}"));
        }

        var (script, log) = WriteFakeDotnet(CopyRun + "\nexit 2\n");
        var results = Path.Combine(samples.Root, "hunt-mtp");

        var run = CommandLineRun.Of("hunt", "--runs", "2", "--dotnet", script, "-r", results, "--", suite);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                $"test --flaky-trace --results-directory {Path.Combine(results, "run-1")} --project {suite}",
                $"test --flaky-trace --results-directory {Path.Combine(results, "run-2")} --no-build --project {suite}",
            ],
            File.ReadAllLines(log));
        Assert.Equal(
            $"""
            flakytrace: 2 runs of dotnet test --flaky-trace (global.json selects Microsoft.Testing.Platform) into {results}
            run 1/2: dotnet test exited 2 (test failures) in N s
            run 2/2: dotnet test exited 2 (test failures) in N s

            """,
            WithoutTimes(run.Error));
        Assert.Contains("44 executions of 22 tests in 2 runs", run.Output, StringComparison.Ordinal);
        Assert.Equal([suite, suite], File.ReadAllLines(Path.Combine(Path.GetDirectoryName(log)!, "cwd.log")));
    }

    [Fact]
    public void Hunt_ProjectUnderTheSameGlobalJson_RunsWhereItWasStartedWithAbsolutePaths()
    {
        // The repository's own sample: its nearest global.json is the repository's, as is ours.
        var sample = Path.Combine(RepositoryRoot(), "tests", "samples", "XunitSample");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), sample);
        var (script, log) = WriteFakeDotnet(VSTestFailures);
        var results = Path.Combine(samples.Root, "hunt-same-global-json");

        var run = CommandLineRun.Of("hunt", "--runs", "1", "--dotnet", script, "-r", results, "--", relative);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal($"test --collect FlakyTrace --results-directory {Path.Combine(results, "run-1")} {sample}", File.ReadAllText(log).TrimEnd());
        Assert.Equal(Directory.GetCurrentDirectory(), File.ReadAllText(Path.Combine(Path.GetDirectoryName(log)!, "cwd.log")).TrimEnd());
    }

    [Fact]
    public void Hunt_TestingPlatformAppWithoutTheExtension_SaysToAddThePackage()
    {
        var suite = Directory.CreateDirectory(Path.Combine(samples.Root, "mtp-without-package")).FullName;
        File.WriteAllText(Path.Combine(suite, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var (script, _) = WriteFakeDotnet("""
            echo "  Standard output: Unknown option '--flaky-trace'"
            echo "Test run completed with non-success exit code: 5"
            exit 5
            """);
        var results = Path.Combine(samples.Root, "hunt-mtp-unknown");

        var run = CommandLineRun.Of("hunt", "--runs", "2", "--dotnet", script, "-r", results, "--", suite);

        Assert.Equal(4, run.ExitCode);
        var log = Path.Combine(results, "run-1", "dotnet-test.log");
        Assert.Equal(
            $"""
            flakytrace: 2 runs of dotnet test --flaky-trace (global.json selects Microsoft.Testing.Platform) into {results}
            run 1/2: dotnet test exited 5 (the test application rejected the command line) in N s, no trace file
            flakytrace: the test application does not know --flaky-trace: add the FlakyCollector package (0.2.0 or later) to the test project.
            flakytrace: no .otlp.jsonl file under {Path.Combine(results, "run-1")}. Does the test project reference the FlakyCollector package? Last lines of {log}:
                Standard output: Unknown option '--flaky-trace'
              Test run completed with non-success exit code: 5

            """,
            WithoutTimes(run.Error));
    }

    [Fact]
    public void Hunt_NoTraceFiles_ExitsFourAndExplains()
    {
        var (script, _) = WriteFakeDotnet(VSTestFailures);
        var results = Path.Combine(samples.Root, "hunt-empty");
        var nowhere = Path.Combine(samples.Root, "nowhere");

        var run = CommandLineRun.Of("hunt", "--runs", "2", "--dotnet", script, "-r", results, "--", nowhere);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("", run.Output);
        var log = Path.Combine(results, "run-1", "dotnet-test.log");
        Assert.Equal(
            $"""
            flakytrace: 2 runs of dotnet test --collect FlakyTrace into {results}
            run 1/2: dotnet test exited 1 (test failures) in N s, no trace file
            flakytrace: no .otlp.jsonl file under {Path.Combine(results, "run-1")}. Does the test project reference the FlakyCollector package? Last lines of {log}:
              Failed!  - Failed: 1, Passed: 21

            """,
            WithoutTimes(run.Error));
    }

    [Fact]
    public void Hunt_DotnetMissing_ExitsFour()
    {
        var results = Path.Combine(samples.Root, "hunt-missing");

        var run = CommandLineRun.Of("hunt", "--runs", "1", "--dotnet", "/no/such/dotnet", "-r", results);

        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith(
            $"flakytrace: 1 run of dotnet test --collect FlakyTrace into {results}\nflakytrace: cannot start '/no/such/dotnet': ",
            run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Hunt_ZeroRuns_ExitsTwo()
    {
        var run = CommandLineRun.Of("hunt", "--runs", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("flakytrace: --runs must be at least 1.\n", run.Error);
    }

    [Fact]
    public void Hunt_ReportIntoMissingFolder_ExitsFiveBeforeRunningAnything()
    {
        var (script, log) = WriteFakeDotnet(VSTestFailures);
        var report = Path.Combine(samples.Root, "no-such-folder", "hunt.html");

        var run = CommandLineRun.Of("hunt", "--runs", "1", "--dotnet", script, "--report", report, "--", samples.Flaky);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal($"flakytrace: cannot write {report}: the folder {Path.GetDirectoryName(report)} does not exist.\n", run.Error);
        Assert.False(File.Exists(log));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FlakyCollector.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"FlakyCollector.sln not found above {AppContext.BaseDirectory}");
    }

    private static string WithoutTimes(string text) => Seconds().Replace(text, " in N s");

    [GeneratedRegex(@" in [0-9]+\.[0-9] s")]
    private static partial Regex Seconds();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private (string Script, string Log) WriteFakeDotnet(string body)
    {
        var directory = Directory.CreateDirectory(Path.Combine(samples.Root, "fake-" + Guid.NewGuid().ToString("N")));
        var script = Path.Combine(directory.FullName, "dotnet");
        var text = $"#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls.log\"\npwd >> \"$(dirname \"$0\")/cwd.log\"\n{body}\n";
        File.WriteAllText(script, text.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return (script, Path.Combine(directory.FullName, "calls.log"));
    }
}
