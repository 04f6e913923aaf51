namespace FlakyCollector.Analysis.Model;

/// <summary>What was read: files, lines, spans, and what could not be used.</summary>
public sealed class InputSummary
{
    /// <summary>How many malformed lines are kept with their file and line; the rest are only counted.</summary>
    public const int MaxMalformedListed = 50;

    public IReadOnlyList<string> Files { get; internal set; } = [];

    public long Bytes { get; internal set; }

    public long Lines { get; internal set; }

    public long Spans { get; internal set; }

    public long TestSpans { get; internal set; }

    /// <summary>Test spans seen twice (the same file given twice, say); counted once.</summary>
    public long DuplicateTestSpans { get; internal set; }

    /// <summary>Child spans seen twice (one span in the collector's file and a Collector export, say); counted once.</summary>
    public long DuplicateSpans { get; internal set; }

    public long MalformedLineCount { get; internal set; }

    public IReadOnlyList<MalformedLine> Malformed { get; internal set; } = [];

    /// <summary>Child spans whose trace has no test span in the input.</summary>
    public long OrphanSpans { get; internal set; }

    /// <summary>Child spans dropped because too many traces were waiting for their test span.</summary>
    public long DroppedSpans { get; internal set; }
}
