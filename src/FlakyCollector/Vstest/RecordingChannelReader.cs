using System.Collections.Concurrent;
using FlakyCollector.Recording;

namespace FlakyCollector.Vstest;

/// <summary>
/// The logger's side of the <see cref="RecordingChannel"/>: reads what the test processes appended
/// since the last look, and hands out each test's recording by key, oldest first.
/// </summary>
internal sealed class RecordingChannelReader(string folder) : IDisposable
{
    private readonly Dictionary<string, long> offsets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<RecordedExecution>> byKey = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public string Folder { get; } = folder;

    /// <summary>
    /// The oldest recording under <paramref name="key"/> whose test span started by
    /// <paramref name="startedByUnixNano"/>: one that started later is a later test's, as when a
    /// theory's row ran no hook and the next row's line is already there.
    /// </summary>
    public RecordedExecution? Take(string key, long startedByUnixNano = long.MaxValue)
    {
        lock (gate)
        {
            if (!byKey.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                ReadNewLines();
            }

            return byKey.TryGetValue(key, out queue) && queue.TryPeek(out var oldest)
                && (oldest.TestSpan?.StartTimeUnixNano ?? 0) <= startedByUnixNano
                ? queue.Dequeue() : null;
        }
    }

    /// <summary>Every line that carries work after the last test, by test assembly.</summary>
    public IReadOnlyList<(string Source, RecordedExecution Execution)> TakeWorkAfterLastTests()
    {
        lock (gate)
        {
            ReadNewLines();
            var taken = new List<(string, RecordedExecution)>();
            foreach (var (key, queue) in byKey)
            {
                if (RecordingChannel.SourceOfAfterLastTest(key) is { } source)
                {
                    while (queue.Count > 0)
                    {
                        taken.Add((source, queue.Dequeue()));
                    }
                }
            }

            return taken;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private void ReadNewLines()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + RecordingChannel.FileExtension))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(offsets.GetValueOrDefault(path), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var consumed = offsets.GetValueOrDefault(path);
            while (reader.ReadLine() is { } line)
            {
                // A line still being written has no newline yet: leave it for the next look.
                if (reader.EndOfStream && !EndsWithNewline(stream))
                {
                    break;
                }

                consumed += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
                if (line.Length > 0)
                {
                    var (key, execution) = RecordingChannel.Parse(line);
                    byKey.GetOrAdd(key, _ => new Queue<RecordedExecution>()).Enqueue(execution);
                }
            }

            offsets[path] = consumed;
        }
    }

    private static bool EndsWithNewline(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return false;
        }

        var position = stream.Position;
        stream.Seek(-1, SeekOrigin.End);
        var last = stream.ReadByte();
        stream.Position = position;
        return last == '\n';
    }
}
