namespace FlakyCollector.Analysis.Gate;

/// <summary>The gate's thresholds; the defaults are what docs/flakytrace.md documents.</summary>
public sealed record GateOptions
{
    /// <summary>A failure is <c>broken</c> when the test failed in each of its last this-many runs (at least two of them held).</summary>
    public int BrokenRuns { get; init; } = 3;

    /// <summary>A known flaky test that passed in each of its last this-many runs (this one included) is listed as maybe fixed.</summary>
    public int FixedAfterRuns { get; init; } = 10;
}
