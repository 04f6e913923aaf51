namespace FlakyCollector.Analysis.Flakiness;

/// <summary>The passing, or the failing, executions of a flaky test, summarized for the side-by-side view.</summary>
public sealed record OutcomeProfile(int Executions, double MedianMs, double P95Ms, IReadOnlyList<LabelProfile> Labels);
