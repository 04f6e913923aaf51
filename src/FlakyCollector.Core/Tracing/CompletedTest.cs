using FlakyCollector.Recording;

namespace FlakyCollector.Tracing;

/// <summary>One finished test execution as vstest.console sees it, joined with what the test process recorded.</summary>
internal sealed record CompletedTest
{
    public required string FullyQualifiedName { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The test assembly's path.</summary>
    public required string Source { get; init; }

    /// <summary>The vstest adapter that ran the test; it tells the framework when <see cref="Framework"/> is not set.</summary>
    public Uri? ExecutorUri { get; init; }

    /// <summary>The framework, where the runner knows it directly (Microsoft.Testing.Platform).</summary>
    public TestFramework Framework { get; init; }

    public string? CodeFilePath { get; init; }

    public int LineNumber { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Traits { get; init; } = [];

    public required TestOutcome Outcome { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ErrorStackTrace { get; init; }

    /// <summary>Why the framework skipped the test, where it says.</summary>
    public string? SkipReason { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>
    /// Whether a zero <see cref="Duration"/> is the framework's measure (the platform's timing, a test
    /// under a millisecond) rather than none reported (vstest's default, when an adapter sets none).
    /// </summary>
    public bool ZeroDurationMeasured { get; init; }

    /// <summary>What the test wrote through the framework's output API (and standard output, where the adapter captures it).</summary>
    public string? Output { get; init; }

    public string? ErrorOutput { get; init; }

    public RecordedExecution? Payload { get; init; }
}
