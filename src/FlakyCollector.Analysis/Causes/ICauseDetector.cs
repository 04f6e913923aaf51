namespace FlakyCollector.Analysis.Causes;

/// <summary>Looks for one kind of difference between a flaky test's failing and passing runs.</summary>
internal interface ICauseDetector
{
    IEnumerable<CauseHint> Detect(FlakySample sample);

    /// <summary>
    /// Whether the detector reads what the test's body did (its spans, duration, reads, waits,
    /// logs): it is then given no execution that failed in setup (<see cref="SetupFailures"/>).
    /// </summary>
    bool ReadsTheTestBody => true;
}
