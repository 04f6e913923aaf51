namespace FlakyCollector.Analysis.Flakiness;

/// <summary>Knobs of the analysis; the defaults are what docs/flakytrace.md documents.</summary>
public sealed record AnalysisOptions
{
    /// <summary>
    /// Family-wise error rate per detector and test: the chance that a detector reports a hint for
    /// a test where nothing real separates failing and passing runs.
    /// </summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>
    /// The detectors look at the latest this-many failing and this-many passing executions of a
    /// flaky test. Thousands already give p-values far below any threshold; the cap keeps the
    /// analysis time bounded however many runs the input holds.
    /// </summary>
    public int MaxExecutionsPerOutcome { get; init; } = 2000;

    /// <summary>Hints of one kind reported per test (the strongest ones).</summary>
    public int MaxHintsPerKind { get; init; } = 2;
}
