using System.Collections.Concurrent;
using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Reads OTLP/JSON Lines files and directories into a <see cref="TraceCorpus"/>. Files, and large
/// files in line-aligned chunks, are read in parallel, each partition folding spans into its own
/// aggregates, merged at the end. Memory follows test executions, never spans or file size.
/// </summary>
public static class TraceInputReader
{
    /// <exception cref="FileNotFoundException">A path is neither a file nor a directory.</exception>
    public static TraceCorpus Read(IEnumerable<string> paths, TraceReadOptions? options = null)
    {
        options ??= new TraceReadOptions();
        var files = InputFiles.Resolve(paths);
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var chunks = InputChunk.Plan(files, options.ChunkBytes, parallelism, out var totalBytes);
        var results = new ChunkResult[chunks.Count];

        // Largest first, taken one at a time, so no core idles while another reads a big file.
        // One long-lived partition per worker (not per Parallel.ForEach task, which are recycled)
        // keeps the number of aggregates to merge equal to the number of cores.
        var queue = new ConcurrentQueue<InputChunk>(chunks.OrderByDescending(chunk => chunk.Length));
        var workers = Math.Min(parallelism, Math.Max(1, chunks.Count));
        var partitions = new TraceAggregator[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var partition = new ReaderPartition(options);
            while (queue.TryDequeue(out var chunk))
            {
                results[chunk.Id] = partition.Reader.Read(chunk);
            }

            partitions[worker] = partition.Aggregator;
        });

        // Merge into the largest partition: its map is already the biggest and need not be copied.
        var ranked = partitions.OrderByDescending(partition => partition.TraceCount).ToList();
        var merged = ranked.Count > 0 ? ranked[0] : new TraceAggregator(new StringPool(), options);
        foreach (var partition in ranked.Skip(1))
        {
            merged.MergeFrom(partition);
        }

        var executions = merged.CompleteExecutions(out var orphans);
        var input = Summarize(files, totalBytes, results, merged, orphans);
        return new TraceCorpus(executions, input);
    }

    private static InputSummary Summarize(List<string> files, long bytes, ChunkResult[] results, TraceAggregator merged, long orphans)
    {
        var malformed = new List<MalformedLine>();
        long lines = 0, malformedCount = 0, lineBase = 0;
        string? currentFile = null;
        foreach (var result in results)
        {
            // Chunks of a file are numbered in file order, so line numbers are a running sum.
            if (result.Chunk.Path != currentFile)
            {
                currentFile = result.Chunk.Path;
                lineBase = 0;
            }

            foreach (var (line, reason) in result.Malformed)
            {
                if (malformed.Count < InputSummary.MaxMalformedListed)
                {
                    malformed.Add(new MalformedLine(result.Chunk.Path, lineBase + line, reason));
                }
            }

            lineBase += result.Lines;
            lines += result.Lines;
            malformedCount += result.MalformedCount;
        }

        return new InputSummary
        {
            Files = files,
            Bytes = bytes,
            Lines = lines,
            Spans = merged.Spans,
            TestSpans = merged.TestSpans,
            DuplicateTestSpans = merged.DuplicateTestSpans,
            DuplicateSpans = merged.DuplicateSpans,
            MalformedLineCount = malformedCount,
            Malformed = malformed,
            OrphanSpans = orphans,
            DroppedSpans = merged.DroppedSpans,
        };
    }
}
