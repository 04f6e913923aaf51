namespace FlakyCollector.Analysis.History;

/// <summary>
/// How much of the history stays in detail. A run leaves the detailed window when it started more
/// than <see cref="DetailedDays"/> days before the newest run, or is not among the newest
/// <see cref="MaxDetailedRuns"/>; it is then folded into its month's counts. Both rules depend on
/// the set of runs only, never on the order they were added in.
/// </summary>
public sealed record HistoryPolicy
{
    public int DetailedDays { get; init; } = 30;

    public int MaxDetailedRuns { get; init; } = 1000;
}
