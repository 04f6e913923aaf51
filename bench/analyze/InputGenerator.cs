using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyTrace.Bench.Analyze;

/// <summary>
/// Writes at least the requested number of spans as OTLP/JSON Lines, runs of the sample suite
/// one after another, spread over as many files as there are cores (so that both "files in
/// parallel" and "large files in chunks" are exercised: each file is hundreds of megabytes).
/// </summary>
internal static class InputGenerator
{
    /// <summary>Writes runs until <paramref name="targetSpans"/> (or <paramref name="maxRuns"/> runs per file) is reached.</summary>
    /// <param name="childCopies">Each child span is written this many times (a test making that many calls).</param>
    public static int Run(string directory, long targetSpans, long maxRuns = long.MaxValue, int childCopies = 1)
    {
        Directory.CreateDirectory(directory);
        var files = Math.Max(2, Environment.ProcessorCount);
        var written = new long[files];
        Parallel.For(0, files, file =>
        {
            var random = new Random(file + 1);
            var simulator = new SampleRunSimulator(random);
            var writer = new OtlpLineWriter();
            using var output = new StreamWriter(Path.Combine(directory, $"runs-{file}.otlp.jsonl"));
            var epoch = 1_740_000_000_000_000_000L + (file * 1_000_000_000_000_000L);
            for (var run = 0; written[file] < targetSpans / files && run < maxRuns; run++)
            {
                var runId = $"bench-{file}-{run}";
                var factory = new SampleSpanFactory(random, runId, 1000 + run);
                List<KeyValuePair<string, object>> resource = [new("service.name", "Shop.Tests"), new("vcs.ref.head.revision", "4f2a9c1e"), new("host.name", "bench")];
                foreach (var execution in simulator.Simulate(epoch + (run * 60_000_000_000L)))
                {
                    var children = factory.Children(execution);
                    List<SampleSpan> spans = [.. Enumerable.Range(0, childCopies).SelectMany(copy => children.Select(c => copy == 0 ? c : c with { SpanId = $"{copy:x4}{c.SpanId[4..]}" })), factory.TestSpan(execution)];
                    output.WriteLine(writer.Line(resource, spans));
                    written[file] += spans.Count;
                }
            }
        });
        var bytes = Directory.EnumerateFiles(directory).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"generated {written.Sum():N0} spans, {bytes / 1e6:N0} MB in {files} files under {directory}");
        return 0;
    }
}
