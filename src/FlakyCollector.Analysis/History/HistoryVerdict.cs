using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// What the history says about one test: whether it both passed and failed on one commit, with
/// which failure groups, and the causes the detectors find in its kept failing and passing executions.
/// </summary>
/// <param name="FlakyGroups">Shapes of the failures seen on a commit where the test also passed.</param>
/// <param name="Causes">Strongest first; <c>none</c> when nothing separates the kept executions.</param>
/// <param name="FailingExecutions">Kept failing executions the causes were found in.</param>
/// <param name="PassingExecutions">Kept passing executions they were compared with.</param>
public sealed record HistoryVerdict(IReadOnlyList<string> FlakyGroups, IReadOnlyList<CauseHint> Causes, int FailingExecutions, int PassingExecutions)
{
    public bool Flaky => FlakyGroups.Count > 0;
}
