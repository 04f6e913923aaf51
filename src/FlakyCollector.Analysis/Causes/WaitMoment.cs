using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// The moment a test waited when it failed, where contention is measured: the span that failed,
/// or else the last span that ended before the failure. Over the whole test, passing runs overlap
/// as many tests as failing ones (a failing run lasts longer, waiting for its timeout); at the
/// moment of the wait they do not. The wait's label is the one most failing runs waited in; in
/// passing runs the last span with that label stands for the same moment. Where failing runs show
/// no such span, the whole test is the window, cut to the passing runs' median duration so that a
/// failing run's extra time does not count as extra company.
/// </summary>
internal static class WaitMoment
{
    /// <summary>The label of the wait, or null when failing runs show none that passing runs also have.</summary>
    public static string? Label(IReadOnlyList<TestExecution> failing, IReadOnlyList<TestExecution> passing)
    {
        var label = failing.Select(WaitedIn).OfType<string>().GroupBy(l => l, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        return label is not null && passing.Count(e => e.Spans.Any(s => s.Label == label && Own(e, s))) >= 2 ? label : null;
    }

    /// <summary>The window of one execution: the wait span, or the test cut to <paramref name="typicalNanos"/>; null when the execution has no wait span.</summary>
    public static (long Start, long End)? Window(TestExecution execution, string? label, long typicalNanos)
    {
        if (label is null)
        {
            return (execution.StartNanos, execution.StartNanos + Math.Min(execution.DurationNanos, Math.Max(1, typicalNanos)));
        }

        ChildSpanEntry? chosen = null;
        foreach (var span in execution.Spans)
        {
            if (span.Label == label && Own(execution, span)
                && (chosen is not { } c || (span.Failure != SpanFailure.None && c.Failure == SpanFailure.None) || (span.Failure == c.Failure && span.EndNanos > c.EndNanos)))
            {
                chosen = span;
            }
        }

        return chosen is { } w ? (w.StartNanos, w.EndNanos) : null;
    }

    public static long TypicalDuration(IReadOnlyList<TestExecution> passing) =>
        passing.Count == 0 ? long.MaxValue : (long)Quantiles.Median(Quantiles.Sorted(passing.Select(e => (double)e.DurationNanos)));

    /// <summary>The failed span, else the last own span that ended within the test.</summary>
    private static string? WaitedIn(TestExecution execution)
    {
        ChildSpanEntry? failed = null, last = null;
        foreach (var span in execution.Spans)
        {
            if (!Own(execution, span))
            {
                continue;
            }

            if (span.Failure is not SpanFailure.None && (failed is not { } f || span.EndNanos > f.EndNanos))
            {
                failed = span;
            }

            if (span.EndNanos <= execution.EndNanos && (last is not { } l || span.EndNanos > l.EndNanos))
            {
                last = span;
            }
        }

        return (failed ?? last)?.Label;
    }

    private static bool Own(TestExecution execution, in ChildSpanEntry span) =>
        !span.FromFixture && span.StartNanos >= execution.StartNanos && span.StartNanos <= execution.EndNanos;
}
