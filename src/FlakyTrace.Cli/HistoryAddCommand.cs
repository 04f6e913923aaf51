using System.CommandLine;
using FlakyCollector.Analysis.History;

namespace FlakyTrace.Cli;

/// <summary><c>flakytrace history add HISTORY RUN...</c>: folds runs' traces into the history, each <c>test.run.id</c> once.</summary>
internal sealed class HistoryAddCommand : Command
{
    private readonly Argument<string> _history = new("history") { Description = "The history file; created when missing." };
    private readonly Argument<string[]> _paths = CommonOptions.Paths();
    private readonly Option<int?> _days = new("--detailed-days") { Description = "Keep runs of this many days before the newest in detail; older ones become monthly counts (default 30)." };
    private readonly Option<int?> _runs = new("--max-detailed-runs") { Description = "Keep at most this many runs in detail (default 1000)." };

    public HistoryAddCommand(TextWriter output, TextWriter error)
        : base("add", "Add the runs in trace files or directories to a history file (a run already in it is not counted again).")
    {
        Arguments.Add(_history);
        Arguments.Add(_paths);
        Options.Add(_days);
        Options.Add(_runs);
        SetAction(result => Execute(result, output, error));
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var path = result.GetValue(_history)!;
        if (!HistoryStore.TryLoad(path, missingIsEmpty: true, error, out var history, out var exitCode))
        {
            return exitCode;
        }

        if (result.GetValue(_days) is not null || result.GetValue(_runs) is not null)
        {
            var policy = new HistoryPolicy
            {
                DetailedDays = result.GetValue(_days) ?? history.Policy.DetailedDays,
                MaxDetailedRuns = result.GetValue(_runs) ?? history.Policy.MaxDetailedRuns,
            };
            if (policy.DetailedDays < 1 || policy.MaxDetailedRuns < 1)
            {
                error.WriteLine("flakytrace: --detailed-days and --max-detailed-runs must be 1 or more.");
                return ExitCodes.UsageError;
            }

            var empty = new TestHistory(policy);
            empty.Merge(history);
            history = empty;
        }

        if (!InputAnalysis.TryRead(result.GetValue(_paths)!, retainDetails: false, acceptHistories: false, error, out var corpus, out exitCode))
        {
            return exitCode;
        }

        if (corpus.Executions.Count == 0)
        {
            error.WriteLine($"flakytrace: no test spans under {string.Join(", ", result.GetValue(_paths)!)}; the history is unchanged.");
            return ExitCodes.NoTestSpans;
        }

        var addition = history.Add(corpus);
        if (!HistoryStore.TrySave(history, path, error))
        {
            return ExitCodes.IoError;
        }

        var held = addition.AlreadyHeld.Count == 0 ? "" : $"; {addition.AlreadyHeld.Count} already in it, not counted again";
        output.WriteLine($"flakytrace: added {addition.Added.Count} run{(addition.Added.Count == 1 ? "" : "s")}{held}. {HistoryStore.Describe(history, path)}.");
        return ExitCodes.Success;
    }
}
