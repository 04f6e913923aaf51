namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// A byte range of one file. A line belongs to the chunk its first byte is in, so chunks can be
/// cut anywhere and still split the file at line boundaries.
/// </summary>
internal sealed record InputChunk(int Id, string Path, long Start, long End)
{
    public long Length => End - Start;

    public static List<InputChunk> Plan(IReadOnlyList<string> files, long maxChunkBytes, int parallelism, out long totalBytes)
    {
        var sizes = files.Select(file => new FileInfo(file).Length).ToList();
        totalBytes = sizes.Sum();
        // Enough chunks to keep every core busy to the end, none so small that setup dominates.
        var floor = Math.Max(1, Math.Min(1 << 20, maxChunkBytes));
        var chunkBytes = Math.Clamp(totalBytes / Math.Max(1, parallelism * 4), floor, Math.Max(floor, maxChunkBytes));
        var chunks = new List<InputChunk>();
        for (var i = 0; i < files.Count; i++)
        {
            var start = 0L;
            do
            {
                var end = Math.Min(sizes[i], start + chunkBytes);
                chunks.Add(new InputChunk(chunks.Count, files[i], start, end));
                start = end;
            }
            while (start < sizes[i]);
        }

        return chunks;
    }
}
