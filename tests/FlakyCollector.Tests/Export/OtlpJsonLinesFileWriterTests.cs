using System.Text.Json;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

public sealed class OtlpJsonLinesFileWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "flaky-jsonl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Append_NewDirectory_CreatesItAndWritesOneTracesDataPerLine()
    {
        var path = Path.Combine(directory, "nested", "run" + OtlpJsonLinesFileWriter.FileExtension);
        using (var writer = new OtlpJsonLinesFileWriter(path))
        {
            writer.Append(SampleSpans.Resource, [SampleSpans.FailedTest()]);
            writer.Append(SampleSpans.Resource, [SampleSpans.HttpCall(), SampleSpans.Minimal(3)]);
            Assert.Equal(2, writer.LineCount);
        }

        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);
        Assert.Equal(1, SpanCount(lines[0]));
        Assert.Equal(2, SpanCount(lines[1]));
    }

    [Fact]
    public void Append_ResourceAgainOrAnother_LinesAsTheEncoderWritesThem()
    {
        var path = Path.Combine(directory, "resources.otlp.jsonl");
        IReadOnlyList<SpanAttribute> other = [new("service.name", "billing-tests"), new("ratio", 0.5), new("empty", Array.Empty<string>())];
        using (var writer = new OtlpJsonLinesFileWriter(path))
        {
            writer.Append(SampleSpans.Resource, [SampleSpans.FailedTest()]);
            writer.Append(SampleSpans.Resource, [SampleSpans.HttpCall()]);
            writer.Append(other, [SampleSpans.Minimal(1)]);
            writer.Append([], [SampleSpans.Minimal(2)]);
            writer.Append(SampleSpans.Resource, [SampleSpans.Minimal(3)]);
        }

        string[] expected =
        [
            Encoded(SampleSpans.Resource, SampleSpans.FailedTest()),
            Encoded(SampleSpans.Resource, SampleSpans.HttpCall()),
            Encoded(other, SampleSpans.Minimal(1)),
            Encoded([], SampleSpans.Minimal(2)),
            Encoded(SampleSpans.Resource, SampleSpans.Minimal(3)),
        ];
        Assert.Equal(expected, File.ReadAllLines(path));
    }

    [Fact]
    public void Append_MoreSpansThanALineHolds_SplitsIntoSeveralLines()
    {
        var path = Path.Combine(directory, "split.otlp.jsonl");
        using (var writer = new OtlpJsonLinesFileWriter(path, maxSpansPerLine: 4))
        {
            writer.Append(SampleSpans.Resource, SampleSpans.Many(10));
        }

        Assert.Equal([4, 4, 2], File.ReadAllLines(path).Select(SpanCount));
    }

    [Fact]
    public void Append_BeforeDispose_IsAlreadyOnDiskForReaders()
    {
        var path = Path.Combine(directory, "live.otlp.jsonl");
        using var writer = new OtlpJsonLinesFileWriter(path);
        writer.Append(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.Equal(1, SpanCount(reader.ReadLine()!));
        Assert.Null(reader.ReadLine());
    }

    [Fact]
    public void Append_NoSpans_CreatesNoFile()
    {
        var path = Path.Combine(directory, "empty.otlp.jsonl");
        using (var writer = new OtlpJsonLinesFileWriter(path))
        {
            writer.Append(SampleSpans.Resource, []);
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Append_FromManyThreads_KeepsEveryLineWhole()
    {
        var path = Path.Combine(directory, "parallel.otlp.jsonl");
        using (var writer = new OtlpJsonLinesFileWriter(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 25; i++)
                {
                    writer.Append(SampleSpans.Resource, SampleSpans.Many(3, padding: 2000));
                }
            })));
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(200, lines.Length);
        Assert.All(lines, line => Assert.Equal(3, SpanCount(line)));
    }

    [Fact]
    public void Append_WithWriteBehind_WaitsUntilDispose_ThenEveryLineInOrder()
    {
        var path = Path.Combine(directory, "behind.otlp.jsonl");
        var writer = new OtlpJsonLinesFileWriter(path, writeBehind: TimeSpan.FromHours(1));
        writer.Append(SampleSpans.Resource, [SampleSpans.Minimal(1)]);
        writer.Append(SampleSpans.Resource, [SampleSpans.Minimal(2), SampleSpans.Minimal(3)]);

        Assert.False(File.Exists(path)); // gathered, not yet written
        Assert.Equal(2, writer.LineCount);
        writer.Dispose();

        Assert.Equal([1, 2], File.ReadAllLines(path).Select(SpanCount));
    }

    [Fact]
    public void Append_WithWriteBehind_WrittenWithinTheIntervalWithoutDispose()
    {
        var path = Path.Combine(directory, "timer.otlp.jsonl");
        using var writer = new OtlpJsonLinesFileWriter(path, writeBehind: TimeSpan.FromMilliseconds(20));
        writer.Append(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        // The interval is 20 ms; a loaded machine may run the timer much later, never not at all.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(path) && new FileInfo(path).Length > 0) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.Equal(1, SpanCount(reader.ReadLine()!));
    }

    [Fact]
    public void Append_WithWriteBehind_MoreThanItGathers_WrittenAtOnce()
    {
        var path = Path.Combine(directory, "full.otlp.jsonl");
        using var writer = new OtlpJsonLinesFileWriter(path, writeBehind: TimeSpan.FromHours(1));
        var lines = 0;
        while (!File.Exists(path))
        {
            writer.Append(SampleSpans.Resource, SampleSpans.Many(3, padding: 2000));
            lines++;
            Assert.True(lines * 3 * 2000 < 2 * OtlpJsonLinesFileWriter.MaxPendingBytes, "nothing written after twice the bytes it gathers");
        }

        Assert.All(File.ReadAllLines(path), line => Assert.Equal(3, SpanCount(line)));
    }

    [Fact]
    public void Append_AfterDispose_Throws()
    {
        var writer = new OtlpJsonLinesFileWriter(Path.Combine(directory, "closed.otlp.jsonl"));
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Append(SampleSpans.Resource, [SampleSpans.Minimal()]));
    }

    private static string Encoded(IReadOnlyList<SpanAttribute> resource, SpanData span)
    {
        using var stream = new MemoryStream();
        OtlpJsonEncoder.Write(stream, resource, [span]);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int SpanCount(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .Sum(s => s.GetProperty("spans").GetArrayLength());
    }
}
