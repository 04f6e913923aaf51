using System.CommandLine;
using System.Diagnostics;
using FlakyCollector.Analysis.Rendering;

namespace FlakyTrace.Cli;

/// <summary>
/// <c>flakytrace hunt --runs N [--] ARGS</c>: reruns a suite N times with the collector on, then
/// prints the analysis; the local way to reproduce and explain a flake. The collector is switched
/// on in the syntax of the runner the suite's global.json selects (<see cref="GlobalJsonTestRunner"/>).
/// </summary>
internal sealed class HuntCommand : Command
{
    // What Microsoft.Testing.Platform answers when no extension declared the option.
    private const string UnknownFlakyTraceOption = "Unknown option '--flaky-trace'";

    private readonly Option<int> _runs = new("--runs", "-n") { Description = "How many times to run the suite.", DefaultValueFactory = _ => 10 };
    private readonly Option<DirectoryInfo?> _resultsDirectory = new("--results-directory", "-r") { Description = "Where the runs go (run-1, run-2, ...). Default: flakytrace-hunt/<timestamp>." };
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<bool> _failOnFlaky = CommonOptions.FailOnFlaky();
    private readonly Option<bool> _rebuild = new("--rebuild") { Description = "Build before every run (by default runs after the first pass --no-build)." };
    private readonly Option<FileInfo?> _report = new("--report") { Description = "Also write the HTML report to this file." };
    private readonly Option<string> _dotnet = new("--dotnet") { Description = "The dotnet executable.", DefaultValueFactory = _ => "dotnet" };
    private readonly Argument<string[]> _testArguments = new("dotnet-test-arguments") { Description = "Arguments for dotnet test (put them after --).", Arity = ArgumentArity.ZeroOrMore };

    public HuntCommand(TextWriter output, TextWriter error)
        : base("hunt", "Rerun a test suite N times with the FlakyTrace collector, then analyze the runs.")
    {
        Options.Add(_runs);
        Options.Add(_resultsDirectory);
        Options.Add(_format);
        Options.Add(_failOnFlaky);
        Options.Add(_rebuild);
        Options.Add(_report);
        Options.Add(_dotnet);
        Arguments.Add(_testArguments);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var runs = result.GetValue(_runs);
        if (runs < 1)
        {
            error.WriteLine("flakytrace: --runs must be at least 1.");
            return ExitCodes.UsageError;
        }

        var html = result.GetValue(_report) is { } target ? new OutputFile(target) : null;
        if (html?.Problem() is { } problem)
        {
            error.WriteLine(problem);
            return ExitCodes.IoError;
        }

        var root = result.GetValue(_resultsDirectory)?.FullName
            ?? Path.GetFullPath(Path.Combine("flakytrace-hunt", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)));
        var here = Directory.GetCurrentDirectory();
        var arguments = DotnetTestArguments.Absolute([.. result.GetValue(_testArguments) ?? [], .. result.UnmatchedTokens], here);
        var project = DotnetTestArguments.TargetDirectory(arguments, here);

        // The SDK picks its runner (and version) from the global.json nearest its working directory:
        // where the project's differs from ours, dotnet test runs in the project's folder.
        var workingDirectory = GlobalJsonTestRunner.Find(project) == GlobalJsonTestRunner.Find(here) ? here : project;
        var testRunner = GlobalJsonTestRunner.Detect(workingDirectory);
        error.WriteLine(testRunner == TestRunner.MicrosoftTestingPlatform
            ? $"flakytrace: {Quantity.Of(runs, "run")} of dotnet test --flaky-trace (global.json selects Microsoft.Testing.Platform) into {root}"
            : $"flakytrace: {Quantity.Of(runs, "run")} of dotnet test --collect FlakyTrace into {root}");
        var runner = new DotnetTestRunner(result.GetValue(_dotnet)!);
        for (var i = 1; i <= runs; i++)
        {
            var directory = Path.Combine(root, $"run-{i}");
            var command = DotnetTestArguments.For(testRunner, directory, arguments, noBuild: i > 1 && !result.GetValue(_rebuild), workingDirectory);
            if (!TryRunOnce(runner, testRunner, workingDirectory, directory, command, $"run {i}/{runs}", error))
            {
                return ExitCodes.HuntFailed;
            }
        }

        if (!InputAnalysis.TryRun([root], retainDetails: html is not null, error, out var corpus, out var report, out var exitCode))
        {
            return exitCode;
        }

        InputAnalysis.WriteReport(report, result.GetValue(_format), all: false, output);
        if (html is not null)
        {
            if (!html.TryWrite(writer => HtmlReportWriter.Write(report, corpus, writer), error))
            {
                return ExitCodes.IoError;
            }

            error.WriteLine($"flakytrace: wrote {html.FullName}");
        }

        return InputAnalysis.ExitCodeFor(report, result.GetValue(_failOnFlaky));
    }

    /// <summary>One traced run; false (after saying why) when the hunt cannot go on: no dotnet, a failed build, no trace file.</summary>
    private static bool TryRunOnce(DotnetTestRunner runner, TestRunner testRunner, string workingDirectory, string directory, List<string> command, string label, TextWriter error)
    {
        var watch = Stopwatch.StartNew();
        if (runner.Run(workingDirectory, directory, command, error) is not { } exit)
        {
            return false;
        }

        var log = DotnetTestLog.PathIn(directory);
        var seconds = watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        if (exit != 0 && DotnetTestLog.FirstBuildError(log) is { } buildError)
        {
            error.WriteLine($"{label}: the build failed (dotnet test exited {exit}) in {seconds} s:");
            error.WriteLine($"  {buildError}");
            error.WriteLine($"flakytrace: fix the build, then hunt again. The whole output is in {log}");
            return false;
        }

        var traces = Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories).Any();
        error.WriteLine($"{label}: dotnet test exited {exit}{Meaning(testRunner, exit)} in {seconds} s{(traces ? "" : ", no trace file")}");
        if (!traces)
        {
            ExplainMissingTraces(directory, error);
        }

        return traces;
    }

    // VSTest exits 1 when a test failed; dotnet test in Microsoft.Testing.Platform mode 1 (2 from one app), and 8 when no test ran.
    private static string Meaning(TestRunner runner, int exit) => (runner, exit) switch
    {
        (TestRunner.VSTest, 1) => " (test failures)",
        (TestRunner.MicrosoftTestingPlatform, 1 or 2) => " (test failures)",
        (TestRunner.MicrosoftTestingPlatform, 5) => " (the test application rejected the command line)",
        (TestRunner.MicrosoftTestingPlatform, 8) => " (no test ran)",
        _ => "",
    };

    private static void ExplainMissingTraces(string directory, TextWriter error)
    {
        var log = DotnetTestLog.PathIn(directory);
        if (DotnetTestLog.Mentions(log, UnknownFlakyTraceOption))
        {
            error.WriteLine("flakytrace: the test application does not know --flaky-trace: add the FlakyCollector package (0.2.0 or later) to the test project.");
        }

        error.WriteLine($"flakytrace: no .otlp.jsonl file under {directory}. Does the test project reference the FlakyCollector package? Last lines of {log}:");
        foreach (var line in DotnetTestLog.Tail(log, 15))
        {
            error.WriteLine($"  {line}");
        }
    }
}
