using System.CommandLine;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace analyze PATH...</c>: which tests are flaky, and why.</summary>
internal sealed class AnalyzeCommand : Command
{
    private readonly Argument<string[]> _paths = CommonOptions.Paths();
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<bool> _failOnFlaky = CommonOptions.FailOnFlaky();
    private readonly Option<FileInfo?> _repro = CommonOptions.Repro();
    private readonly Option<bool> _all = CommonOptions.All();
    private readonly Option<FileInfo?> _output = CommonOptions.Output("Write the report to this file instead of standard output.");

    public AnalyzeCommand(TextWriter output, TextWriter error)
        : base("analyze", "Find the flaky tests in the traces of many runs and name what their failing runs have in common.")
    {
        Arguments.Add(_paths);
        Options.Add(_format);
        Options.Add(_failOnFlaky);
        Options.Add(_repro);
        Options.Add(_all);
        Options.Add(_output);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var file = result.GetValue(_output) is { } target ? new OutputFile(target) : null;
        if (file?.Problem() is { } problem)
        {
            error.WriteLine(problem);
            return ExitCodes.IoError;
        }

        if (!InputAnalysis.TryRun(result.GetValue(_paths)!, retainDetails: false, error, out _, out var report, out var exitCode))
        {
            return exitCode;
        }

        if (!InputAnalysis.TryAddRepro(ref report, result.GetValue(_repro), error, out exitCode))
        {
            return exitCode;
        }

        var format = result.GetValue(_format);
        var all = result.GetValue(_all);
        if (file is null)
        {
            InputAnalysis.WriteReport(report, format, all, output);
        }
        else if (file.TryWrite(writer => InputAnalysis.WriteReport(report, format, all, writer), error))
        {
            error.WriteLine($"flakytrace: wrote {file.FullName}");
        }
        else
        {
            return ExitCodes.IoError;
        }

        return InputAnalysis.ExitCodeFor(report, result.GetValue(_failOnFlaky));
    }
}
