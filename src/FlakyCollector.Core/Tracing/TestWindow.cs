using FlakyCollector.Recording;

namespace FlakyCollector.Tracing;

/// <summary>
/// A test span's start and end, and where they came from (<c>flakytrace.timing</c>). The hook's
/// window is exact and holds the test's children, but it is the test's own only where it agrees
/// with the duration the framework reported: a hook that ends after the framework has thrown and
/// formatted a failure, or starts after the framework's timer, sees another interval than the
/// test's. There the framework's own timing is taken, and the span says <c>framework</c>.
/// </summary>
internal readonly record struct TestWindow(long Start, long End, string Timing)
{
    public const string FrameworkTiming = "framework";

    /// <summary>Hook and framework agree within this share of the framework's duration...</summary>
    private const long ShareDivisor = 10;

    /// <summary>...or this much, what starting and stopping an activity around the framework's timer costs on a loaded machine.</summary>
    private const long SlackNanoseconds = 5_000_000;

    public long Duration => End - Start;

    public static TestWindow Of(CompletedTest test)
    {
        var (frameworkStart, frameworkEnd) = TestSpanBuilder.FrameworkTiming(test);
        if (ErrorTypeGuess.IsOneTimeSetUpFailure(test.ErrorMessage) && test.Payload?.TestSpan is null)
        {
            // Never ran: its fixture's set-up failed. It took none of the fixture's time.
            return new TestWindow(frameworkEnd, frameworkEnd, FrameworkTiming);
        }

        if (test.Payload?.TestSpan is not { } recorded)
        {
            return new TestWindow(frameworkStart, frameworkEnd, FrameworkTiming);
        }

        var hook = new TestWindow(recorded.StartTimeUnixNano, recorded.EndTimeUnixNano, test.Payload.Timing);
        var duration = test.Duration.Ticks * 100;
        // A zero duration is the platform's measure of a test under a millisecond; under vstest, none reported.
        var measured = duration > 0 || (duration == 0 && test.ZeroDurationMeasured);
        if (!measured || Math.Abs(hook.Duration - duration) <= Math.Max(duration / ShareDivisor, SlackNanoseconds))
        {
            return hook;
        }

        if (TestSpanBuilder.WindowIsTheTests(test))
        {
            return new TestWindow(frameworkStart, frameworkEnd, FrameworkTiming);
        }

        // No window of its own (MSTest's data rows share one: ended at its end, rows that ran one after
        // another would overlap). The framework's duration, placed where it cannot reach into the next
        // test: a hook that saw more (a failure being built) holds it from its start; a hook that saw
        // less (the framework's timer also ran around it: creating the instance, the first call's
        // compiling, on a loaded machine) holds it up to its end.
        return hook.Duration >= duration
            ? new TestWindow(hook.Start, hook.Start + duration, FrameworkTiming)
            : new TestWindow(hook.End - duration, hook.End, FrameworkTiming);
    }
}
