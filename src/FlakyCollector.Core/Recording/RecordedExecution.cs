using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// What the process that ran a test recorded of one execution: ids, timing, children and the work
/// outside tests since the previous one. The front end joins it with the outcome, message and stack
/// trace its runner reports (under VSTest it travels from the testhost to vstest.console first).
/// </summary>
internal sealed record RecordedExecution
{
    /// <summary>The test's span as recorded in the test process (ids and timing), or null when none was recorded.</summary>
    public SpanData? TestSpan { get; init; }

    /// <summary>How <see cref="TestSpan"/> was timed: <c>hook</c>, <c>collector</c>, or <c>none</c>.</summary>
    public string Timing { get; init; } = "none";

    /// <summary>
    /// The type of the failure as the runner reported it (the platform's exception object, a crash
    /// or hang timeout), when it names a real type rather than a wrapper of the failure text.
    /// </summary>
    public string? ExceptionType { get; init; }

    /// <summary>
    /// The last exceptions thrown while the test was the current trace, oldest first: the one whose
    /// message is in the failure text failed the test; the others were thrown and caught, or disposed.
    /// </summary>
    internal IReadOnlyList<RecordedException> Exceptions { get; init; } = [];

    public int ProcessId { get; init; }

    /// <summary>The test process's runtime, e.g. ".NET 10.0.12".</summary>
    public string? Runtime { get; init; }

    /// <summary>
    /// Test spans of earlier executions of the same test case that the framework retried and did
    /// not report (MSTest <c>[Retry]</c>); their children are in <see cref="Children"/>.
    /// </summary>
    public IReadOnlyList<SpanData> PreviousAttempts { get; init; } = [];

    /// <summary>Spans of the work the test caused, in its trace.</summary>
    public IReadOnlyList<SpanData> Children { get; init; } = [];

    /// <summary>Spans recorded outside any running test since the previous payload.</summary>
    public IReadOnlyList<SpanData> Detached { get; init; } = [];

    /// <summary>What was logged in the test's trace while it ran (ILogger), at most the per-test bound.</summary>
    internal IReadOnlyList<LogRecordData> Logs { get; init; } = [];

    /// <summary>Problems the collector met in the test process, for the logger to report once.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
