using System.CommandLine;
using System.Diagnostics;
using FlakyCollector.Analysis.Rendering;

namespace FlakyTrace.Cli;

/// <summary>
/// <c>flakytrace hunt --runs N [--] ARGS</c>: reruns a suite N times with the collector on, then
/// prints the analysis; the local way to reproduce and explain a flake.
/// </summary>
internal sealed class HuntCommand : Command
{
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

        var root = result.GetValue(_resultsDirectory)?.FullName
            ?? Path.GetFullPath(Path.Combine("flakytrace-hunt", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)));
        var arguments = (result.GetValue(_testArguments) ?? []).Concat(result.UnmatchedTokens).ToList();
        var runner = new DotnetTestRunner(result.GetValue(_dotnet)!);
        for (var i = 1; i <= runs; i++)
        {
            var directory = Path.Combine(root, $"run-{i}");
            var watch = Stopwatch.StartNew();
            var exit = runner.Run(directory, arguments, noBuild: i > 1 && !result.GetValue(_rebuild), error);
            if (exit is null)
            {
                return ExitCodes.HuntFailed;
            }

            var traces = Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories).Any();
            error.WriteLine($"run {i}/{runs}: dotnet test exited {exit}{(exit == 1 ? " (test failures)" : "")} in {watch.Elapsed.TotalSeconds:0.0} s{(traces ? "" : ", no trace file")}");
            if (!traces)
            {
                ExplainMissingTraces(directory, error);
                return ExitCodes.HuntFailed;
            }
        }

        if (!InputAnalysis.TryRun([root], retainDetails: result.GetValue(_report) is not null, error, out var corpus, out var report, out var exitCode))
        {
            return exitCode;
        }

        InputAnalysis.WriteReport(report, result.GetValue(_format), all: false, output);
        if (result.GetValue(_report) is { } html)
        {
            using var writer = new StreamWriter(html.FullName);
            HtmlReportWriter.Write(report, corpus, writer);
            error.WriteLine($"flakytrace: wrote {html.FullName}");
        }

        return InputAnalysis.ExitCodeFor(report, result.GetValue(_failOnFlaky));
    }

    private static void ExplainMissingTraces(string directory, TextWriter error)
    {
        error.WriteLine($"flakytrace: no .otlp.jsonl file under {directory}. Does the test project reference the FlakyCollector package? Last lines of {DotnetTestRunner.LogFileName}:");
        var log = Path.Combine(directory, DotnetTestRunner.LogFileName);
        foreach (var line in File.Exists(log) ? File.ReadLines(log).TakeLast(15) : [])
        {
            error.WriteLine($"  {line}");
        }
    }
}
