using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// Span-level order candidates: which spans of tests running alongside a test, in the same
/// process, had ended before the test made the read its assertion looked at. A parallel test that
/// changes shared state mid-test (deletes a row the test then fetches) starts before or after the
/// victim alike; what separates failing from passing runs is whether its change was done before
/// the victim's read. The read is the start of the last span the test began up to its first failed
/// span (or its end): a start, not an end, so a failing run's slow or timed-out call does not move
/// the read later and make more of the others' work look earlier. A test with no span of its own
/// has no read and gets no such candidates.
/// </summary>
internal static class ChangesBeforeRead
{
    public static List<Predecessor> Of(ProcessHistory history, TestExecution execution)
    {
        var found = new List<Predecessor>();
        if (ReadMoment(execution) is not { } read)
        {
            return found;
        }

        var seen = new HashSet<(string, string)>();
        foreach (var done in history.Before(execution))
        {
            // Ended before the test started: all its work came before the read.
            foreach (var child in done.ChildSpans)
            {
                if (done.Name != execution.Name && seen.Add((done.Name, child.Label)))
                {
                    found.Add(new Predecessor(done.Name, PredecessorRelation.SpanBeforeRead, child.Label));
                }
            }
        }

        foreach (var other in history.RunningAtStart(execution).Concat(history.StartedDuring(execution, read)))
        {
            if (other.Name == execution.Name)
            {
                continue;
            }

            foreach (var span in other.Spans)
            {
                if (!span.FromFixture && span.EndNanos <= read && seen.Add((other.Name, span.Label)))
                {
                    found.Add(new Predecessor(other.Name, PredecessorRelation.SpanBeforeRead, span.Label));
                }
            }
        }

        return found;
    }

    /// <summary>The start of the last span the test began before its first failed span ended (or before its end); null without spans of its own.</summary>
    internal static long? ReadMoment(TestExecution execution)
    {
        var until = execution.EndNanos;
        foreach (var span in execution.Spans)
        {
            if (span.Error && !span.FromFixture)
            {
                until = Math.Min(until, span.EndNanos);
            }
        }

        long? read = null;
        foreach (var span in execution.Spans)
        {
            if (!span.FromFixture && span.StartNanos >= execution.StartNanos && span.StartNanos <= until)
            {
                read = Math.Max(read ?? long.MinValue, span.StartNanos);
            }
        }

        return read;
    }
}
