using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// Where a test read the result of work it started: the end of the last span it awaited after
/// starting the work (a call that fetched the result), before its own end. The work is late when
/// it ends after that read, even if it ends before the test span does: a failing assertion, the
/// exception and its stack trace take tens of milliseconds, in which the work often finishes.
/// Spans of the work itself, spans under it and spans around it (its ancestors) are not reads.
/// Where the test made no read after starting the work, the read point is the test's end.
/// </summary>
internal static class ReadPoint
{
    /// <summary>The work's spans (label <paramref name="label"/>, started inside the test) and the point it is measured against; null when the label has no such span.</summary>
    public static (long WorkStart, long WorkEnd, bool MarkedLate, long Read, bool IsRead)? Of(TestExecution execution, string label)
    {
        long workStart = long.MaxValue, workEnd = long.MinValue;
        var marked = false;
        var work = new HashSet<ulong>();
        foreach (var span in execution.Spans)
        {
            if (span.Label == label && !span.FromFixture && span.StartNanos >= execution.StartNanos && span.StartNanos <= execution.EndNanos)
            {
                workStart = Math.Min(workStart, span.StartNanos);
                workEnd = Math.Max(workEnd, span.EndNanos);
                marked |= span.Late;
                work.Add(span.SpanId);
            }
        }

        if (work.Count == 0)
        {
            return null;
        }

        var parents = new Dictionary<ulong, ulong>();
        foreach (var span in execution.Spans)
        {
            parents[span.SpanId] = span.ParentSpanId;
        }

        var ancestors = new HashSet<ulong>();
        foreach (var id in work)
        {
            for (var p = parents.GetValueOrDefault(id); p != 0 && ancestors.Add(p); p = parents.GetValueOrDefault(p))
            {
            }
        }

        // Per span of the work: a span the test started after its last read (the next statement
        // of a sequence) is measured against what followed it, not against an earlier read.
        (long End, long Read, bool IsRead)? worst = null;
        foreach (var piece in execution.Spans)
        {
            if (!work.Contains(piece.SpanId))
            {
                continue;
            }

            var read = long.MinValue;
            foreach (var span in execution.Spans)
            {
                if (span.Label != label && !span.FromFixture && span.StartNanos >= piece.StartNanos && span.EndNanos <= execution.EndNanos
                    && !ancestors.Contains(span.SpanId) && !Under(span.ParentSpanId, work, parents))
                {
                    read = Math.Max(read, span.EndNanos);
                }
            }

            var candidate = read == long.MinValue ? (piece.EndNanos, execution.EndNanos, false) : (piece.EndNanos, read, true);
            if (worst is not { } w || candidate.Item1 - candidate.Item2 > w.End - w.Read)
            {
                worst = candidate;
            }
        }

        return (workStart, worst!.Value.End, marked, worst.Value.Read, worst.Value.IsRead);
    }

    private static bool Under(ulong parent, HashSet<ulong> work, Dictionary<ulong, ulong> parents)
    {
        for (var depth = 0; parent != 0 && depth < 64; depth++)
        {
            if (work.Contains(parent))
            {
                return true;
            }

            parent = parents.GetValueOrDefault(parent);
        }

        return false;
    }
}
