namespace FlakyCollector.Analysis.Causes;

/// <summary>Looks for one kind of difference between a flaky test's failing and passing runs.</summary>
internal interface ICauseDetector
{
    IEnumerable<CauseHint> Detect(FlakySample sample);
}
