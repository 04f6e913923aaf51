namespace FlakyCollector.Analysis.History;

/// <summary>
/// What a merge did. <see cref="Lost"/> names runs that both sides had folded into the same month
/// with different companions: counts cannot be split again, so the month with more runs is kept
/// and these runs are missing from the counts (never counted twice).
/// </summary>
public sealed record HistoryMergeResult(int Added, int AlreadyHeld, IReadOnlyList<string> Lost);
