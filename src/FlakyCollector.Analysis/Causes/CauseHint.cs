namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// A root-cause hint with the figures behind it. <see cref="Score"/> is −log10 of the
/// multiple-comparison-adjusted p-value, so hints of different kinds rank on one scale.
/// <see cref="Confidence"/> is set once the test's hints are ranked against each other.
/// </summary>
public sealed record CauseHint(CauseKind Kind, double Score, string Summary, IReadOnlyList<EvidenceFigure> Evidence)
{
    public Confidence Confidence { get; init; } = Confidence.Medium;

    public static CauseHint None(int failing, int passing, IReadOnlyList<string>? checkedCauses = null) => new(
        CauseKind.None,
        0,
        "nothing in the traces separates failing from passing runs"
            + (checkedCauses is { Count: > 0 } ? $" (checked: {string.Join("; ", checkedCauses)})" : ""),
        [new("failingRuns", failing), new("passingRuns", passing), new("checked", checkedCauses ?? [])])
    {
        Confidence = Confidence.Low,
    };

    /// <summary>The score of an adjusted p-value, capped so that exact zeros stay finite.</summary>
    public static double ScoreOf(double adjustedPValue) => Math.Round(-Math.Log10(Math.Max(adjustedPValue, 1e-30)), 2);
}
