using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Gate;

/// <summary>One test that failed in the run under the gate, classified against the history.</summary>
/// <param name="Message">The failure's headline now (error type and first line of the message).</param>
/// <param name="Reason">Why this class, in a sentence.</param>
/// <param name="Cause">For a known flaky test, the history's strongest cause (or the quarantine's); null otherwise.</param>
/// <param name="SinceMs">Known: when this failure group was first seen; broken: the first run of the failing streak; null for new.</param>
/// <param name="SinceCommit">The commit of that run, when recorded.</param>
public sealed record GateFailure(
    string Name,
    string? Service,
    string? Runtime,
    FailureClass Class,
    string Message,
    string Reason,
    CauseHint? Cause,
    long? SinceMs,
    string? SinceCommit);
