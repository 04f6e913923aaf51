namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// A root-cause hint with the figures behind it. <see cref="Score"/> is −log10 of the
/// multiple-comparison-adjusted p-value, so hints of different kinds rank on one scale.
/// </summary>
public sealed record CauseHint(CauseKind Kind, double Score, string Summary, IReadOnlyList<EvidenceFigure> Evidence)
{
    public static CauseHint None(int failing, int passing) => new(
        CauseKind.None,
        0,
        "nothing in the traces separates failing from passing runs",
        [new("failingRuns", failing), new("passingRuns", passing)]);

    /// <summary>The score of an adjusted p-value, capped so that exact zeros stay finite.</summary>
    public static double ScoreOf(double adjustedPValue) => Math.Round(-Math.Log10(Math.Max(adjustedPValue, 1e-30)), 2);
}
