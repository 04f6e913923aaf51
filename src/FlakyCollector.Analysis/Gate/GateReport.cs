namespace FlakyCollector.Analysis.Gate;

/// <summary>The gate's answer: every failure of the run, new ones first, and the flaky tests that may be fixed.</summary>
/// <param name="Runs">Runs (<c>test.run.id</c>) under the gate.</param>
/// <param name="HistoryRuns">Runs of the history it was compared with (runs under the gate excluded).</param>
/// <param name="Tests">Tests that ran now.</param>
public sealed record GateReport(IReadOnlyList<GateFailure> Failures, IReadOnlyList<MaybeFixed> MaybeFixed, int Runs, int HistoryRuns, int Tests)
{
    public IEnumerable<GateFailure> Of(FailureClass kind) => Failures.Where(f => f.Class == kind);

    public bool HasNew => Failures.Any(f => f.Class == FailureClass.New);

    /// <summary>Where the HTML report of this run was written, for the markdown to link; null when none was.</summary>
    public string? ReportLink { get; init; }
}
