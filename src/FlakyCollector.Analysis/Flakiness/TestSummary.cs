using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>Everything the analysis says about one test (<c>test.case.name</c>) across all runs.</summary>
public sealed record TestSummary
{
    public required string Name { get; init; }

    public string? Suite { get; init; }

    public int Executions { get; init; }

    public int Passed { get; init; }

    public int Failed { get; init; }

    public int Skipped { get; init; }

    /// <summary>Passes on a retry (<c>test.case.attempt</c> above 1) within a run: each also hides a failure.</summary>
    public int PassedOnRetry { get; init; }

    /// <summary>Failed / (passed + failed); 0 when it never ran to an outcome.</summary>
    public double FailureRate { get; init; }

    /// <summary>Passed and failed on the same commit.</summary>
    public bool Flaky { get; init; }

    /// <summary>Runs (<c>test.run.id</c>) in which it executed.</summary>
    public int Runs { get; init; }

    /// <summary>Runs in which it failed at least once: how often it disrupts a run.</summary>
    public int FailedRuns { get; init; }

    public IReadOnlyList<string> FlakyCommits { get; init; } = [];

    /// <summary>Most common failure (error type and first line of the message) and how often it occurred.</summary>
    public string? TopError { get; init; }

    public int TopErrorCount { get; init; }

    public OutcomeProfile? PassingProfile { get; init; }

    public OutcomeProfile? FailingProfile { get; init; }

    /// <summary>Root-cause hints, strongest first; for a flaky test at least one (<c>none</c> when nothing separates).</summary>
    public IReadOnlyList<CauseHint> Causes { get; init; } = [];
}
