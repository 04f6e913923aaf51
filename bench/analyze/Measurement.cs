using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyTrace.Bench.Analyze;

/// <summary>
/// One measurement per process, so that the peak resident memory (VmHWM) is this measurement's
/// own. Prints one line of <c>key=value</c> pairs for <see cref="BenchmarkTable"/>.
/// </summary>
internal static class Measurement
{
    public static int Tokenize(string directory, int threads)
    {
        var files = Directory.GetFiles(directory, "*.jsonl");
        long tokens = 0, bytes = 0;
        var watch = Stopwatch.StartNew();
        var cpu = CpuWatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, file =>
        {
            var (fileTokens, fileBytes) = TokenizeFile(file);
            Interlocked.Add(ref tokens, fileTokens);
            Interlocked.Add(ref bytes, fileBytes);
        });
        Print("tokenize", threads, bytes, watch.Elapsed.TotalSeconds, ("cpuSeconds", cpu.Elapsed.TotalSeconds), ("tokens", tokens));
        return 0;
    }

    public static int Analyze(string directory, int threads)
    {
        var watch = Stopwatch.StartNew();
        var cpu = CpuWatch.StartNew();
        var corpus = TraceInputReader.Read([directory], new TraceReadOptions { MaxDegreeOfParallelism = threads });
        var read = watch.Elapsed.TotalSeconds;
        var readCpu = cpu.Elapsed.TotalSeconds;
        var report = FlakinessAnalyzer.Analyze(corpus);
        var total = watch.Elapsed.TotalSeconds;
        var analyzeCpu = cpu.Elapsed.TotalSeconds - readCpu;
        var gcPause = GC.GetTotalPauseDuration().TotalSeconds;
        Print(
            "analyze",
            threads,
            corpus.Input.Bytes,
            total,
            ("cpuSeconds", cpu.Elapsed.TotalSeconds),
            ("spans", corpus.Input.Spans),
            ("executions", corpus.Executions.Count),
            ("flaky", report.FlakyCount),
            ("readSeconds", read),
            ("readCpuSeconds", readCpu),
            ("analyzeCpuSeconds", analyzeCpu),
            ("gcPauseSeconds", gcPause),
            ("gen2", GC.CollectionCount(2)),
            ("malformed", corpus.Input.MalformedLineCount));
        return 0;
    }

    /// <summary>Reading alone (files to test executions), with no analysis after it: what to profile the reader with.</summary>
    public static int Read(string directory, int threads)
    {
        var watch = Stopwatch.StartNew();
        var cpu = CpuWatch.StartNew();
        var corpus = TraceInputReader.Read([directory], new TraceReadOptions { MaxDegreeOfParallelism = threads });
        Print("read", threads, corpus.Input.Bytes, watch.Elapsed.TotalSeconds, ("cpuSeconds", cpu.Elapsed.TotalSeconds), ("spans", corpus.Input.Spans), ("executions", corpus.Executions.Count));
        return 0;
    }

    /// <summary>
    /// Tokenize and read one file alternately, several times, in one process and one thread, and
    /// keep the best of each: a ratio that neighbours competing for the cores do not skew.
    /// </summary>
    public static int Compare(string file, int rounds)
    {
        double tokenize = double.MaxValue, read = double.MaxValue;
        var bytes = new FileInfo(file).Length;
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            TokenizeFile(file);
            tokenize = Math.Min(tokenize, watch.Elapsed.TotalSeconds);
            watch.Restart();
            TraceInputReader.Read([file], new TraceReadOptions { MaxDegreeOfParallelism = 1 });
            read = Math.Min(read, watch.Elapsed.TotalSeconds);
        }

        Print("compare", 1, bytes, read, ("tokenizeMbps", bytes / 1e6 / tokenize), ("ratio", tokenize / read));
        return 0;
    }

    /// <summary>In memory, one thread: tokenize vs parse vs parse + aggregate, best of N, isolating the reader's cost.</summary>
    public static int Stages(string file, int rounds)
    {
        var lines = File.ReadLines(file).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        var bytes = lines.Sum(l => (long)l.Length);
        double tokenize = double.MaxValue, scan = double.MaxValue, parse = double.MaxValue, aggregate = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var watch = CpuWatch.StartNew();
            foreach (var line in lines)
            {
                var reader = new Utf8JsonReader(line);
                while (reader.Read())
                {
                }
            }

            tokenize = Math.Min(tokenize, watch.Elapsed.TotalSeconds);
            watch.Restart();
            foreach (var line in lines)
            {
                var scanner = new OtlpJsonScanner(line);
                while (scanner.Read())
                {
                }
            }

            scan = Math.Min(scan, watch.Elapsed.TotalSeconds);
            var parser = new OtlpLineParser(new StringPool());
            watch.Restart();
            foreach (var line in lines)
            {
                parser.TryParse(line, 0, line.Length, out _);
            }

            parse = Math.Min(parse, watch.Elapsed.TotalSeconds);
            var strings = new StringPool();
            parser = new OtlpLineParser(strings);
            var aggregator = new FlakyCollector.Analysis.Aggregation.TraceAggregator(strings, new TraceReadOptions());
            watch.Restart();
            foreach (var line in lines)
            {
                parser.TryParse(line, 0, line.Length, out _);
                for (var i = 0; i < parser.Count; i++)
                {
                    aggregator.Add(parser[i]);
                }
            }

            aggregate = Math.Min(aggregate, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"MB/cpu-s tokenize {bytes / 1e6 / tokenize:0} scan {bytes / 1e6 / scan:0} parse {bytes / 1e6 / parse:0} parse+aggregate {bytes / 1e6 / aggregate:0}");
        return 0;
    }

    /// <summary>Only the OTLP line parser (no aggregation), one thread: where reading time goes.</summary>
    public static int Parse(string directory, bool aggregate)
    {
        var watch = Stopwatch.StartNew();
        long bytes = 0, spans = 0;
        var strings = new StringPool();
        var parser = new OtlpLineParser(strings);
        var aggregator = new FlakyCollector.Analysis.Aggregation.TraceAggregator(strings, new TraceReadOptions());
        foreach (var file in Directory.GetFiles(directory, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var utf8 = System.Text.Encoding.UTF8.GetBytes(line);
                bytes += utf8.Length + 1;
                if (parser.TryParse(utf8, out _))
                {
                    spans += parser.Count;
                    for (var i = 0; aggregate && i < parser.Count; i++)
                    {
                        aggregator.Add(parser[i]);
                    }
                }
            }
        }

        Print(aggregate ? "parse+aggregate" : "parse", 1, bytes, watch.Elapsed.TotalSeconds, ("spans", spans));
        return 0;
    }

    /// <summary>The floor any JSON Lines reader pays: split lines, run Utf8JsonReader over every token.</summary>
    private static (long Tokens, long Bytes) TokenizeFile(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        long tokens = 0, bytes = 0;
        int filled = 0, read;
        while ((read = stream.Read(buffer, filled, buffer.Length - filled)) > 0 || filled > 0)
        {
            filled += read;
            bytes += read;
            var data = buffer.AsSpan(0, filled);
            int start = 0, newline;
            while ((newline = data[start..].IndexOf((byte)'\n')) >= 0 || (read == 0 && start < filled))
            {
                var length = newline >= 0 ? newline : filled - start;
                var reader = new Utf8JsonReader(data.Slice(start, length));
                while (reader.Read())
                {
                    tokens++;
                }

                start += length + 1;
            }

            if (read == 0)
            {
                break;
            }

            start = Math.Min(start, filled);
            data[start..].CopyTo(buffer);
            filled -= start;
            if (filled == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (tokens, bytes);
    }

    private static void Print(string mode, int threads, long bytes, double seconds, params (string Key, object Value)[] extra)
    {
        var fields = new List<(string, object)>
        {
            ("mode", mode), ("threads", threads), ("bytes", bytes), ("seconds", seconds),
            ("mbps", bytes / 1e6 / seconds), ("peakMB", PeakResidentMegabytes()),
        };
        fields.AddRange(extra);
        Console.WriteLine(string.Join(" ", fields.Select(f => $"{f.Item1}={Convert.ToString(f.Item2, CultureInfo.InvariantCulture)}")));
    }

    /// <summary>VmHWM: the process's peak resident set, what a CI machine's memory limit sees.</summary>
    private static double PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
