using System.CommandLine;

namespace FlakyTrace.Cli;

/// <summary>The <c>flakytrace</c> command tree, runnable in-process with any output writers.</summary>
internal static class FlakyTraceCommandLine
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var hunt = new HuntCommand(output, error) { TreatUnmatchedTokensAsErrors = false };
        var repro = new ReproCommand(output, error) { TreatUnmatchedTokensAsErrors = false };
        return new RootCommand("flakytrace: find the flaky tests in FlakyCollector traces and name what their failing runs have in common.")
        {
            new AnalyzeCommand(output, error),
            new ReportCommand(output, error),
            hunt,
            new HistoryCommand(output, error),
            new GateCommand(output, error),
            new QuarantineCommand(output, error),
            repro,
        };
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Build(output, error).Parse(args);
        // hunt and repro hand what they do not know to dotnet test; the other commands have no such tail.
        var unknown = parsed.CommandResult.Command is HuntCommand or ReproCommand ? [] : UnknownOptions.In(parsed);
        if (parsed.Errors.Count > 0 || unknown.Count > 0)
        {
            foreach (var problem in unknown.Concat(parsed.Errors.Select(e => e.Message)))
            {
                error.WriteLine($"flakytrace: {problem}");
            }

            error.WriteLine("Run 'flakytrace --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
