using System.CommandLine;
using FlakyCollector.Analysis.Gate;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace quarantine --history HISTORY -o quarantine.json</c>: the known flaky tests, for a team to review and commit.</summary>
internal sealed class QuarantineCommand : Command
{
    private readonly Option<string> _history = new("--history") { Description = "The history file to read.", Required = true };
    private readonly Option<FileInfo?> _output = CommonOptions.Output("Write the quarantine file here instead of standard output.");

    public QuarantineCommand(TextWriter output, TextWriter error)
        : base("quarantine", "Write the history's known flaky tests, with their cause and first and last seen, as a quarantine file.")
    {
        Options.Add(_history);
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

        if (!HistoryStore.TryLoad(result.GetValue(_history)!, missingIsEmpty: false, error, out var history, out var exitCode))
        {
            return exitCode;
        }

        var entries = QuarantineFile.FromHistory(history);
        using var buffer = new MemoryStream();
        QuarantineFile.Write(entries, buffer);
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (file is null)
        {
            output.WriteLine(text);
            return ExitCodes.Success;
        }

        if (!file.TryWrite(writer => writer.WriteLine(text), error))
        {
            return ExitCodes.IoError;
        }

        error.WriteLine($"flakytrace: wrote {file.FullName}: {entries.Count} known flaky test{(entries.Count == 1 ? "" : "s")}.");
        return ExitCodes.Success;
    }
}
