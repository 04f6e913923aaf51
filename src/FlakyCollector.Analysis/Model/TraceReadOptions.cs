namespace FlakyCollector.Analysis.Model;

/// <summary>How to read OTLP/JSON Lines input.</summary>
public sealed record TraceReadOptions
{
    /// <summary>Keep individual child spans and stack traces (for the HTML report), not only their summaries.</summary>
    public bool RetainDetails { get; init; }

    /// <summary>Child spans kept per execution when <see cref="RetainDetails"/> is on.</summary>
    public int MaxDetailsPerExecution { get; init; } = 100;

    /// <summary>
    /// Traces whose child spans arrived before their test span, per reader partition. Beyond it
    /// further orphan traces are dropped (and counted), so stray spans cannot exhaust memory.
    /// </summary>
    public int PendingTraceLimit { get; init; } = 250_000;

    /// <summary>Parallel readers; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Files larger than this are split into chunks (at line boundaries) read in parallel.</summary>
    public long ChunkBytes { get; init; } = 16 * 1024 * 1024;
}
