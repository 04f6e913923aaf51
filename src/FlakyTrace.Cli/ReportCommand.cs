using System.CommandLine;
using FlakyCollector.Analysis.Rendering;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace report PATH... -o report.html</c>: a self-contained HTML report with run timelines.</summary>
internal sealed class ReportCommand : Command
{
    private readonly Argument<string[]> _paths = CommonOptions.Paths();
    private readonly Option<FileInfo?> _output = CommonOptions.Output("The HTML file to write (default: flakytrace-report.html).");
    private readonly Option<int> _maxRuns = new("--max-runs")
    {
        Description = "Runs drawn as timelines: those where a flaky test failed first, then the latest.",
        DefaultValueFactory = _ => 20,
    };

    private readonly Option<bool> _failOnFlaky = CommonOptions.FailOnFlaky();
    private readonly Option<FileInfo?> _repro = CommonOptions.Repro();

    public ReportCommand(TextWriter output, TextWriter error)
        : base("report", "Write one self-contained HTML file: a timeline of each run and the flaky-test analysis.")
    {
        Arguments.Add(_paths);
        Options.Add(_output);
        Options.Add(_maxRuns);
        Options.Add(_failOnFlaky);
        Options.Add(_repro);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var file = new OutputFile(result.GetValue(_output) ?? new FileInfo("flakytrace-report.html"));
        if (file.Problem() is { } problem)
        {
            error.WriteLine(problem);
            return ExitCodes.IoError;
        }

        if (!InputAnalysis.TryRun(result.GetValue(_paths)!, retainDetails: true, error, out var corpus, out var report, out var exitCode))
        {
            return exitCode;
        }

        if (!InputAnalysis.TryAddRepro(ref report, result.GetValue(_repro), error, out exitCode))
        {
            return exitCode;
        }

        var maxRuns = result.GetValue(_maxRuns);
        if (!file.TryWrite(writer => HtmlReportWriter.Write(report, corpus, writer, maxRuns), error))
        {
            return ExitCodes.IoError;
        }

        output.WriteLine($"flakytrace: wrote {file.FullName} ({Quantity.Of(report.Runs, "run")}, {Quantity.Of(report.Tests.Count, "test")}, {report.FlakyCount} flaky)");
        return InputAnalysis.ExitCodeFor(report, result.GetValue(_failOnFlaky));
    }
}
