using System.CommandLine;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace analyze PATH...</c>: which tests are flaky, and why.</summary>
internal sealed class AnalyzeCommand : Command
{
    private readonly Argument<string[]> _paths = CommonOptions.Paths();
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<bool> _failOnFlaky = CommonOptions.FailOnFlaky();
    private readonly Option<bool> _all = CommonOptions.All();
    private readonly Option<FileInfo?> _output = CommonOptions.Output("Write the report to this file instead of standard output.");

    public AnalyzeCommand(TextWriter output, TextWriter error)
        : base("analyze", "Find the flaky tests in the traces of many runs and name what their failing runs have in common.")
    {
        Arguments.Add(_paths);
        Options.Add(_format);
        Options.Add(_failOnFlaky);
        Options.Add(_all);
        Options.Add(_output);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        if (!InputAnalysis.TryRun(result.GetValue(_paths)!, retainDetails: false, error, out _, out var report, out var exitCode))
        {
            return exitCode;
        }

        var file = result.GetValue(_output);
        if (file is null)
        {
            InputAnalysis.WriteReport(report, result.GetValue(_format), result.GetValue(_all), output);
        }
        else
        {
            using var writer = new StreamWriter(file.FullName);
            InputAnalysis.WriteReport(report, result.GetValue(_format), result.GetValue(_all), writer);
            error.WriteLine($"flakytrace: wrote {file.FullName}");
        }

        return InputAnalysis.ExitCodeFor(report, result.GetValue(_failOnFlaky));
    }
}
