namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Flaky tests that fail in the same runs: one problem (an outage, a shared fixture) seen as
/// several failing tests.
/// </summary>
/// <param name="Tests">The member tests, by runs disrupted.</param>
/// <param name="FailedRuns">Runs in which at least one member failed.</param>
/// <param name="Runs">Runs in which the members executed.</param>
/// <param name="Causes">The causes the members share, most shared first; <c>none</c> when they share none.</param>
public sealed record FailureCluster(IReadOnlyList<TestSummary> Tests, int FailedRuns, int Runs, IReadOnlyList<ClusterCause> Causes);
