using System.CommandLine;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace history merge HISTORY OTHER...</c>: folds other agents' histories in, each run once.</summary>
internal sealed class HistoryMergeCommand : Command
{
    private readonly Argument<string> _history = new("history") { Description = "The history file to merge into; created when missing." };
    private readonly Argument<string[]> _others = new("others") { Description = "History files to merge in.", Arity = ArgumentArity.OneOrMore };

    public HistoryMergeCommand(TextWriter output, TextWriter error)
        : base("merge", "Merge other history files (parallel CI agents) into one; a run held by several is counted once.")
    {
        Arguments.Add(_history);
        Arguments.Add(_others);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var path = result.GetValue(_history)!;
        if (!HistoryStore.TryLoad(path, missingIsEmpty: true, error, out var history, out var exitCode))
        {
            return exitCode;
        }

        int added = 0, held = 0;
        foreach (var other in result.GetValue(_others)!)
        {
            if (!HistoryStore.TryLoad(other, missingIsEmpty: false, error, out var source, out exitCode))
            {
                return exitCode;
            }

            var merged = history.Merge(source);
            added += merged.Added;
            held += merged.AlreadyHeld;
            if (merged.Lost.Count > 0)
            {
                error.WriteLine($"flakytrace: warning: {merged.Lost.Count} run(s) of {other} were compacted into a month that {path} had compacted with other runs; counts cannot be split, so they are left out: {string.Join(", ", merged.Lost.Take(5))}{(merged.Lost.Count > 5 ? ", ..." : "")}");
            }
        }

        if (!HistoryStore.TrySave(history, path, error))
        {
            return ExitCodes.IoError;
        }

        output.WriteLine($"flakytrace: merged {added} new run{(added == 1 ? "" : "s")}, {held} already held. {HistoryStore.Describe(history, path)}.");
        return ExitCodes.Success;
    }
}
