using System.CommandLine;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Gate;
using FlakyCollector.Analysis.History;
using FlakyCollector.Analysis.Rendering;

namespace FlakyTrace.Cli;

/// <summary>
/// <c>flakytrace gate --history HISTORY RUN...</c>: is this run's failure my change or a known
/// flaky test? Exit 0 when every failure is known flaky or already broken, 1 when one is new.
/// </summary>
internal sealed class GateCommand : Command
{
    private readonly Argument<string[]> _paths = CommonOptions.Paths();
    private readonly Option<string> _history = new("--history") { Description = "The branch's history file (flakytrace history add). Missing: no history yet, every failure is new.", Required = true };
    private readonly Option<FileInfo?> _quarantine = new("--quarantine") { Description = "A quarantine file (flakytrace quarantine): the tests it lists count as known flaky." };
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<FileInfo?> _output = CommonOptions.Output("Write the gate's answer to this file instead of standard output.");
    private readonly Option<FileInfo?> _report = new("--report") { Description = "Also write the HTML report of the run to this file; the markdown links to it." };
    private readonly Option<string?> _reportLink = new("--report-link") { Description = "The link the markdown gives for the HTML report (a CI artifact's URL); default: the --report path." };
    private readonly Option<int> _brokenAfter = new("--broken-after") { Description = "A failure is 'still broken' when the test failed in each of its last N runs (default 3).", DefaultValueFactory = _ => 3 };
    private readonly Option<int> _fixedAfter = new("--fixed-after") { Description = "A known flaky test that passed its last N runs, this one included, is listed as maybe fixed (default 10).", DefaultValueFactory = _ => 10 };

    public GateCommand(TextWriter output, TextWriter error)
        : base("gate", "Classify every test that failed in this run as new, known flaky or still broken, against the branch's history; exit 1 only on a new failure.")
    {
        Arguments.Add(_paths);
        Options.Add(_history);
        Options.Add(_quarantine);
        Options.Add(_format);
        Options.Add(_output);
        Options.Add(_report);
        Options.Add(_reportLink);
        Options.Add(_brokenAfter);
        Options.Add(_fixedAfter);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var options = new GateOptions { BrokenRuns = result.GetValue(_brokenAfter), FixedAfterRuns = result.GetValue(_fixedAfter) };
        if (options.BrokenRuns < 2 || options.FixedAfterRuns < 1)
        {
            error.WriteLine("flakytrace: --broken-after must be 2 or more, --fixed-after 1 or more.");
            return ExitCodes.UsageError;
        }

        var file = result.GetValue(_output) is { } target ? new OutputFile(target) : null;
        var html = result.GetValue(_report) is { } page ? new OutputFile(page) : null;
        if ((file?.Problem() ?? html?.Problem()) is { } problem)
        {
            error.WriteLine(problem);
            return ExitCodes.IoError;
        }

        var historyPath = result.GetValue(_history)!;
        if (!HistoryStore.TryLoad(historyPath, missingIsEmpty: true, error, out var history, out var exitCode))
        {
            return exitCode;
        }

        if (history.RunCount == 0)
        {
            error.WriteLine($"flakytrace: no history yet at {historyPath}: every failure counts as new. Add runs with: flakytrace history add {historyPath} TestResults");
        }

        if (!GateQuarantine.TryRead(result.GetValue(_quarantine), error, out var quarantine, out exitCode)
            || !InputAnalysis.TryRead(result.GetValue(_paths)!, retainDetails: html is not null, acceptHistories: false, error, out var corpus, out exitCode))
        {
            return exitCode;
        }

        if (corpus.Executions.Count == 0)
        {
            error.WriteLine($"flakytrace: no test spans under {string.Join(", ", result.GetValue(_paths)!)}: nothing to gate.");
            return ExitCodes.NoTestSpans;
        }

        var report = GateClassifier.Classify(history, corpus, quarantine, options);
        if (html is not null)
        {
            var analysis = FlakinessAnalyzer.Analyze(corpus);
            if (!html.TryWrite(writer => HtmlReportWriter.Write(analysis, corpus, writer, 20), error))
            {
                return ExitCodes.IoError;
            }

            error.WriteLine($"flakytrace: wrote {html.FullName}");
            report = report with { ReportLink = result.GetValue(_reportLink) ?? result.GetValue(_report)!.ToString() };
        }

        var format = result.GetValue(_format);
        if (file is null)
        {
            Write(report, format, output);
        }
        else if (file.TryWrite(writer => Write(report, format, writer), error))
        {
            error.WriteLine($"flakytrace: wrote {file.FullName}");
        }
        else
        {
            return ExitCodes.IoError;
        }

        return report.HasNew ? ExitCodes.NewFailure : ExitCodes.Success;
    }

    private static void Write(GateReport report, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                using (var buffer = new MemoryStream())
                {
                    GateJsonWriter.Write(report, buffer);
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                }

                break;
            case OutputFormat.Markdown:
                GateMarkdownWriter.Write(report, output);
                break;
            default:
                GateConsoleWriter.Write(report, output);
                break;
        }
    }
}
