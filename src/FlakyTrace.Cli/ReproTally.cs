using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>The runs of one side of an experiment, counted for one test.</summary>
internal sealed class ReproTally(string test)
{
    private readonly List<string> failureShapes = [];

    public int Runs { get; private set; }

    public int Failed { get; private set; }

    public ReproCounts Counts => new(Runs, Failed);

    public void Add(ReproRun run)
    {
        if (run.Final(test) is not { } execution)
        {
            return;
        }

        Runs++;
        if (execution.Outcome == TestOutcome.Failed)
        {
            Failed++;
            failureShapes.Add(FailureText.Shape(FailureText.Headline(execution.ErrorType, execution.ErrorMessage)));
        }
    }

    /// <summary>Whether most failures have the shape of <paramref name="traced"/>, the traced failure's headline.</summary>
    public bool SameFailureAs(string? traced) =>
        traced is not null && failureShapes.Count > 0
        && failureShapes.Count(s => FailureText.SameShape(FailureText.Shape(traced), s)) * 2 > failureShapes.Count;
}
