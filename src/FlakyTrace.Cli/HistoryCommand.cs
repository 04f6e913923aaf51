using System.CommandLine;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace history add|merge</c>: keep a branch's test history in one small file.</summary>
internal sealed class HistoryCommand : Command
{
    public HistoryCommand(TextWriter output, TextWriter error)
        : base("history", "Keep a branch's test history in one small file: outcomes per run and commit, failure groups, verdicts.")
    {
        Subcommands.Add(new HistoryAddCommand(output, error));
        Subcommands.Add(new HistoryMergeCommand(output, error));
    }
}
