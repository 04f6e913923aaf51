namespace FlakyTrace.Cli.Tests;

/// <summary>Runs the real <c>flakytrace</c> command tree in-process and captures its output.</summary>
internal sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static CommandLineRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = FlakyTraceCommandLine.Run(args, output, error);
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }
}
