namespace FlakyCollector.Analysis.Model;

/// <summary>The outcome of one test execution.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
    Unknown,
}
