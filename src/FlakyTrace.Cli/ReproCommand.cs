using System.CommandLine;
using System.Globalization;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>
/// <c>flakytrace repro --from DIR... [--test NAME]... [--runs N] [--format console|json] -- ARGS</c>:
/// reads the analysis of the traces in <c>--from</c>, then puts each flaky test's cause to an
/// experiment: the test runs N times with the failing runs' condition injected and N times
/// without (<see cref="ReproExperiment"/>), and the verdict says whether the cause is confirmed.
/// </summary>
internal sealed class ReproCommand : Command
{
    private readonly Option<string[]> _from = new("--from") { Description = "Traces of earlier runs (files or folders), as for analyze.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true, Required = true };
    private readonly Option<string[]> _test = new("--test", "-t") { Description = "Only these tests (full name, method, or Class.Method); repeatable. Default: every flaky test." };
    private readonly Option<string?> _cause = new("--cause") { Description = $"Put the --test tests to this cause instead of the analysis's: {CauseHypothesis.Syntax}." };
    private readonly Option<int> _runs = new("--runs", "-n") { Description = "Runs with the condition, and as many without.", DefaultValueFactory = _ => 10 };
    private readonly Option<OutputFormat> _format = new("--format", "-f") { Description = "console (default) or json.", HelpName = "console|json" };
    private readonly Option<FileInfo?> _output = CommonOptions.Output("Write the results to this file instead of standard output (json: for analyze --repro).");
    private readonly Option<DirectoryInfo?> _resultsDirectory = new("--results-directory", "-r") { Description = "Where the runs and run settings go. Default: flakytrace-repro/<timestamp>." };
    private readonly Option<string> _dotnet = new("--dotnet") { Description = "The dotnet executable.", DefaultValueFactory = _ => "dotnet" };
    private readonly Argument<string[]> _testArguments = new("dotnet-test-arguments") { Description = "Arguments for dotnet test (put them after --).", Arity = ArgumentArity.ZeroOrMore };

    public ReproCommand(TextWriter output, TextWriter error)
        : base("repro", "Reproduce each flaky test's failure on demand by injecting the condition its traces showed, and confirm the cause.")
    {
        Options.Add(_from);
        Options.Add(_test);
        Options.Add(_cause);
        Options.Add(_runs);
        Options.Add(_format);
        Options.Add(_output);
        Options.Add(_resultsDirectory);
        Options.Add(_dotnet);
        Arguments.Add(_testArguments);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var runs = result.GetValue(_runs);
        var names = result.GetValue(_test) ?? [];
        var format = result.GetValue(_format);
        if (runs < 1 || format == OutputFormat.Markdown)
        {
            error.WriteLine(runs < 1 ? "flakytrace: --runs must be at least 1." : "flakytrace: repro writes console or json.");
            return ExitCodes.UsageError;
        }

        var file = result.GetValue(_output) is { } target ? new OutputFile(target) : null;
        if (file?.Problem() is { } unwritable)
        {
            error.WriteLine(unwritable);
            return ExitCodes.IoError;
        }

        FlakyCollector.Analysis.Causes.CauseHint? cause = null;
        if (result.GetValue(_cause) is { } causeText)
        {
            string? problem = "--cause needs --test to name the tests to put to it.";
            cause = names.Length == 0 ? null : CauseHypothesis.Parse(causeText, out problem);
            if (cause is null)
            {
                error.WriteLine($"flakytrace: {problem}");
                return ExitCodes.UsageError;
            }
        }

        if (!InputAnalysis.TryRun(result.GetValue(_from)!, retainDetails: false, error, out _, out var report, out var exitCode))
        {
            return exitCode;
        }

        var targets = ReproTargets.Select(report, names, cause);
        if (targets.Count == 0)
        {
            error.WriteLine(names.Length == 0 ? "flakytrace: no flaky test in the traces; nothing to reproduce." : $"flakytrace: none of {string.Join(", ", names)} is {(cause is null ? "a flaky test" : "a test")} in the traces.");
            return names.Length == 0 ? ExitCodes.Success : ExitCodes.UsageError;
        }

        var root = result.GetValue(_resultsDirectory)?.FullName
            ?? Path.GetFullPath(Path.Combine("flakytrace-repro", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        var session = new ReproSession(result.GetValue(_dotnet)!, [.. result.GetValue(_testArguments) ?? [], .. result.UnmatchedTokens], Directory.GetCurrentDirectory());
        var results = new List<ReproResult>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (condition, members) = targets[i];
            error.WriteLine($"flakytrace: {string.Join(", ", condition.Tests)}: {condition.Cause}");
            var directory = Path.Combine(root, $"{i + 1}-{Slug(condition.Tests[0])}");
            IReadOnlyList<ReproResult>? found;
            try
            {
                found = new ReproExperiment(session, condition, members, directory).Run(runs, error);
            }
            catch (InvalidDataException ex)
            {
                error.WriteLine($"flakytrace: {ex.Message}");
                return ExitCodes.UsageError;
            }

            if (found is null)
            {
                return ExitCodes.HuntFailed;
            }

            results.AddRange(found);
        }

        void Write(TextWriter writer)
        {
            if (format == OutputFormat.Json)
            {
                using var buffer = new MemoryStream();
                ReproJson.Write(results, buffer);
                writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
            else
            {
                ReproConsoleWriter.Write(results, runs, writer);
            }
        }

        if (file is null)
        {
            Write(output);
        }
        else if (file.TryWrite(Write, error))
        {
            error.WriteLine($"flakytrace: wrote {file.FullName}");
        }
        else
        {
            return ExitCodes.IoError;
        }

        return ExitCodes.Success;
    }

    private static string Slug(string test)
    {
        var method = ReproTestFilter.Method(test);
        var tail = method[(method.LastIndexOf('.', Math.Max(0, method.LastIndexOf('.') - 1)) + 1)..];
        return new string([.. tail.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_')]);
    }
}
