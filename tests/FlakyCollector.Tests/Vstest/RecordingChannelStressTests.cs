using System.Collections.Concurrent;
using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

/// <summary>
/// The channel's reader against its real writers, at once: several test processes' files appended
/// with lines of every length (long ones reach the file in more than one write) while the logger
/// reads. A line a writer has flushed must be whole to the reader the moment it looks.
/// </summary>
public sealed class RecordingChannelStressTests : IDisposable
{
    private const int Writers = 3;
    private const int LinesPerWriter = 200;

    private readonly string folder = Directory.CreateTempSubdirectory("channel-stress-test-").FullName;

    [Fact]
    public async Task Take_WhileSeveralWritersAppendLongLines_EveryFlushedLineIsWholeAndExact()
    {
        var flushed = new ConcurrentQueue<(string Key, string Name)>();
        using var reader = new RecordingChannelReader(folder);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => Write(w, flushed))).ToArray();

        var taken = 0;
        var allWritten = Task.WhenAll(writers);
        while (!allWritten.IsCompleted || !flushed.IsEmpty)
        {
            if (!flushed.TryDequeue(out var line))
            {
                // Look while lines are half written: a look must never take a part of one.
                Assert.Null(reader.Take("no such key"));
                continue;
            }

            var execution = reader.Take(line.Key);
            Assert.True(execution is not null, $"line {line.Key} was flushed but not read");
            Assert.Equal(line.Name, Assert.Single(execution.Children).Name);
            taken++;
        }

        await allWritten;
        Assert.Equal(Writers * LinesPerWriter, taken);
        Assert.Equal(0, reader.UnreadableLines);
        Assert.Equal(0, reader.KeysHeld);
    }

    private void Write(int writerIndex, ConcurrentQueue<(string Key, string Name)> flushed)
    {
        using var writer = RecordingChannelWriter.Open(name => name == RecordingChannel.FolderVariable ? folder : null)!;
        var random = new Random(writerIndex);
        for (var i = 0; i < LinesPerWriter; i++)
        {
            // From a few bytes to ~64 KB, past the writer's and the file's buffers; two- and three-byte characters
            // fall anywhere, also across the writes a long line is cut into.
            var length = random.Next(4) == 0 ? random.Next(8_000, 64_000) : random.Next(1, 300);
            var name = string.Create(length, random.Next(), (chars, seed) =>
            {
                var letters = new Random(seed);
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = "aé€\"\\z"[letters.Next(6)];
                }
            });
            var key = $"Shop.Tests.W{writerIndex}.Case{i}";
            writer.Write(key, Execution(name));
            flushed.Enqueue((key, name));
        }
    }

    // The text rides in a child span, as a long URL or query does: a recording with children is written whole.
    private static RecordedExecution Execution(string name) => new()
    {
        Timing = "hook",
        TestSpan = Span("00f067aa0ba902b7", "t", parent: null),
        Children = [Span("00f067aa0ba902b8", name, parent: "00f067aa0ba902b7")],
    };

    private static SpanData Span(string spanId, string name, string? parent) => new()
    {
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        SpanId = spanId,
        ParentSpanId = parent,
        Name = name,
        StartTimeUnixNano = 1,
        EndTimeUnixNano = 2,
        ScopeName = "FlakyTrace",
    };

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
