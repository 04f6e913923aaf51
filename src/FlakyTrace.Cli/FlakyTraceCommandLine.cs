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
            repro,
        };
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Build(output, error).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"flakytrace: {problem.Message}");
            }

            error.WriteLine("Run 'flakytrace --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
