using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>Everything the analysis says about one test (<c>test.case.name</c>) across all runs.</summary>
public sealed record TestSummary
{
    public required string Name { get; init; }

    /// <summary><c>service.name</c> of the test spans' resource (the test assembly by default).</summary>
    public string? Service { get; init; }

    /// <summary>The runtime of this identity (".NET 8"); null when the traces recorded none.</summary>
    public string? Runtime { get; init; }

    /// <summary>
    /// Set when the test failed on this runtime and never on any other it ran on: the runtime, say
    /// ".NET 8", for "fails on .NET 8 only". Such a test is broken on that runtime, not flaky.
    /// </summary>
    public string? FailsOnlyOn { get; init; }

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

    /// <summary>
    /// Most common failure (error type and first line of the message) and how often it occurred,
    /// counting messages that differ only in numbers, ids, times or GUIDs as one; this is one example of them.
    /// </summary>
    public string? TopError { get; init; }

    public int TopErrorCount { get; init; }

    public OutcomeProfile? PassingProfile { get; init; }

    public OutcomeProfile? FailingProfile { get; init; }

    /// <summary>Root-cause hints, strongest first; for a flaky test at least one (<c>none</c> when nothing separates).</summary>
    public IReadOnlyList<CauseHint> Causes { get; init; } = [];

    /// <summary>Runs in which it failed, over the commits where it is flaky: what clusters are built from.</summary>
    internal IReadOnlySet<string> FailedRunIds { get; init; } = new HashSet<string>();

    /// <summary>Runs in which it executed, over the commits where it is flaky.</summary>
    internal IReadOnlySet<string> RunIds { get; init; } = new HashSet<string>();

    /// <summary>Executions the side-by-side view may pick from (the detectors' sample).</summary>
    internal IReadOnlyList<Model.TestExecution> FailingSample { get; init; } = [];

    internal IReadOnlyList<Model.TestExecution> PassingSample { get; init; } = [];
}
