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

    /// <summary>Lines that ended but could not be read (written by a process that crashed mid-line, or altered).</summary>
    public int UnreadableLines { get; private set; }

    /// <summary>How many keys the reader holds lines under: those read and not all taken yet.</summary>
    public int KeysHeld => byKey.Count;

    /// <summary>
    /// The oldest recording under <paramref name="key"/> whose test span started by
    /// <paramref name="startedByUnixNano"/>: one that started later is a later test's, as when a
    /// theory's row ran no hook and the next row's line is already there. For a row reported
    /// <paramref name="skipped"/>, only one that skipped itself (<see cref="SkippedRow"/>).
    /// </summary>
    public RecordedExecution? Take(string key, long startedByUnixNano = long.MaxValue, bool skipped = false)
    {
        lock (gate)
        {
            if (!byKey.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                ReadNewLines();
            }

            if (!byKey.TryGetValue(key, out queue) || !queue.TryPeek(out var oldest)
                || (oldest.TestSpan?.StartTimeUnixNano ?? 0) > startedByUnixNano
                || (skipped && !SkippedRow.SkippedItself(oldest.Exceptions.Count > 0 ? oldest.Exceptions[^1].Type : null)))
            {
                return null;
            }

            queue.Dequeue();
            if (queue.Count == 0)
            {
                // Only lines not taken yet are held: a run of 100,000 tests does not keep 100,000 empty queues.
                byKey.TryRemove(key, out _);
            }

            return oldest;
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
            var offset = offsets.GetValueOrDefault(path);
            var (bytes, whole) = ReadWholeLines(path, offset);
            var start = 0;
            while (start < whole)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', start, whole - start);
                if (end > start)
                {
                    Enqueue(System.Text.Encoding.UTF8.GetString(bytes, start, end - start));
                }

                start = end + 1;
            }

            offsets[path] = offset + whole;
        }
    }

    /// <summary>
    /// The bytes appended since <paramref name="offset"/>, and how many of them make whole lines. A
    /// line still being written, even one whose bytes are partly there, waits for the next look:
    /// only the bytes read here decide where the last whole line ends, never a second look at the file.
    /// </summary>
    private static (byte[] Bytes, int Whole) ReadWholeLines(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var available = stream.Length - offset;
        if (available <= 0)
        {
            return ([], 0);
        }

        var bytes = new byte[available];
        stream.Seek(offset, SeekOrigin.Begin);
        var read = 0;
        int count;
        while (read < bytes.Length && (count = stream.Read(bytes, read, bytes.Length - read)) > 0)
        {
            read += count;
        }

        return (bytes, read == 0 ? 0 : Array.LastIndexOf(bytes, (byte)'\n', read - 1) + 1);
    }

    private void Enqueue(string line)
    {
        try
        {
            var (key, execution) = RecordingChannel.Parse(line);
            byKey.GetOrAdd(key, _ => new Queue<RecordedExecution>()).Enqueue(execution);
        }
        catch (Exception)
        {
            // One bad line costs its own test's recording, not the lines after it.
            UnreadableLines++;
        }
    }
}
