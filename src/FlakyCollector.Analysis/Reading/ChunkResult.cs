namespace FlakyCollector.Analysis.Reading;

/// <summary>What reading one chunk found besides spans: its line count and its malformed lines.</summary>
internal sealed class ChunkResult(InputChunk chunk)
{
    public InputChunk Chunk { get; } = chunk;

    public long Lines { get; set; }

    public long MalformedCount { get; set; }

    /// <summary>Malformed lines as (1-based line number within the chunk, reason).</summary>
    public List<(long Line, string Reason)> Malformed { get; } = [];
}
