using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>Warnings about input that could not be fully used: malformed lines (with file and line), orphan and dropped spans.</summary>
public static class InputNotes
{
    public static IEnumerable<string> Lines(InputSummary input)
    {
        if (input.MalformedLineCount > 0)
        {
            yield return $"warning: {Quantity.Of(input.MalformedLineCount, "malformed line")} skipped:";
            foreach (var line in input.Malformed)
            {
                yield return $"  {line}";
            }

            if (input.MalformedLineCount > input.Malformed.Count)
            {
                yield return $"  ... and {Figures.Count(input.MalformedLineCount - input.Malformed.Count)} more";
            }
        }

        if (input.OrphanSpans > 0)
        {
            yield return $"note: {Quantity.Of(input.OrphanSpans, "span")} {(input.OrphanSpans == 1 ? "belongs" : "belong")} to traces without a test span and were not used.";
        }

        if (input.DuplicateSpans > 0)
        {
            yield return $"note: {Quantity.Of(input.DuplicateSpans, "span")} {(input.DuplicateSpans == 1 ? "was" : "were")} read twice (same trace and span id in two lines or files) and counted once.";
        }

        if (input.DroppedSpans > 0)
        {
            yield return $"note: {Quantity.Of(input.DroppedSpans, "span")} dropped: too many traces were waiting for their test span.";
        }
    }
}
