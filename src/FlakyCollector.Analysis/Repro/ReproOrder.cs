using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Repro;

/// <summary>
/// Whether a run with the order condition ran the predecessor first. The test under repro waits at
/// its start for the predecessor, inside the interval the test's span covers (the framework's own
/// timer runs around it), so its span may begin before the predecessor ended; what counts is that
/// its own work, its first span (or, without one, its end), began after. Where the collector marked
/// the order under the test, the mark decides.
/// </summary>
public static class ReproOrder
{
    public static bool RanBefore(IReadOnlyList<TestExecution> executions, string predecessor, TestExecution test)
    {
        // Where the collector waited, it marked which way it went: a test span timed by the framework
        // (xUnit's adapter reports a test's end late) can make a test that went first look second.
        foreach (var span in test.Spans)
        {
            if (span.Label is ReproNames.AfterPredecessorSpan or ReproNames.BeforePredecessorSpan)
            {
                return span.Label == ReproNames.AfterPredecessorSpan;
            }
        }

        // A test with no span of its own: the predecessor ended before it did (held back, it cannot have run before its predecessor began).
        var ownWork = test.Spans.Where(s => !s.FromFixture && s.StartNanos >= test.StartNanos).Select(s => s.StartNanos).DefaultIfEmpty(test.EndNanos).Min();
        return executions.Any(e => e.Name == predecessor && e.ProcessId == test.ProcessId && e.EndNanos <= ownWork);
    }
}
