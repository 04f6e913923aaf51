namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// Whether a test span's duration agrees with the framework's own duration (the TRX) of the same
/// run, by a rule that holds on a quiet and on a loaded machine alike.
/// </summary>
/// <remarks>
/// How the two are measured decides the rule. The span is timed from inside the test (the hook
/// that starts it runs around the test method). The framework times a window that contains it:
/// xUnit the class's construction, the before/after attributes and the disposal; NUnit the
/// setup and teardown; MSTest the initialize and cleanup; the platform the test node's whole
/// execution. On a quiet machine the two differ by a few milliseconds. On a loaded two-core
/// machine the framework's share (CPU work, waits for a thread) stretches by any amount, seen in
/// CI as "span 157 ms, TRX 323 ms", and it stretches only the framework's number. So:
/// <list type="bullet">
/// <item>the span may exceed the framework's duration only by the slack of two clocks read
/// apart, a few instructions from each other (25%, at least 100 ms, generous because a thread
/// can be preempted between the two reads); longer would mean the span counted time that was
/// not the test's (a class, a fixture, the next test);</item>
/// <item>the span may be shorter than the framework's duration by any amount, but not shorter
/// than what the test itself did by the wall clock (<see cref="SampleWork"/>), which load cannot
/// shorten either.</item>
/// </list>
/// A fixed window around the framework's figure (the earlier "within 10% or 30 ms") fails under
/// load for a span that is right.
/// </remarks>
public static class DurationAgreement
{
    // A sleep ends on time or late, never early; this covers the two clocks' rounding.
    private static readonly TimeSpan ClockRounding = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The tests whose duration means something: the samples' deliberate work, and any passing
    /// test the framework timed at 250 ms or more. A failed test's span can also hold the
    /// failure's own cost (throwing, formatting the stack) after the framework stopped its clock,
    /// and on a loaded machine that cost stretches too (TUnit: span 493 ms, TRX 378 ms for an
    /// assertion that fails at once): it is not held to the framework's window here.
    /// </summary>
    public static bool IsTimed(FileSpan span, TrxResult result) =>
        SampleWork.Of(span) is not null || (result.Duration >= TimeSpan.FromMilliseconds(250) && result.Outcome == "Passed");

    /// <summary>Null when they agree; otherwise what is wrong, with both figures.</summary>
    public static string? Disagreement(FileSpan span, TrxResult result)
    {
        var figures = $"{result.TestName}: span {span.Duration.TotalMilliseconds:0} ms, TRX {result.Duration.TotalMilliseconds:0} ms";
        var slack = Slack(result.Duration);
        if (span.Duration > result.Duration + slack)
        {
            return $"{figures}: longer than the framework's own window by more than {slack.TotalMilliseconds:0} ms";
        }

        if (SampleWork.Of(span) is { } work && span.Duration < work - ClockRounding)
        {
            return $"{figures}: shorter than the {work.TotalMilliseconds:0} ms the test sleeps";
        }

        return null;
    }

    public static TimeSpan Slack(TimeSpan framework) =>
        TimeSpan.FromTicks(Math.Max(framework.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks));
}
