using System.Collections.Concurrent;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording.Logs;

/// <summary>
/// Log records written in a test's trace after its recording was taken: an in-memory app logs
/// "Request finished" once the response has gone, which can be after the test ended. Like the
/// spans of such late work, they keep their trace and span ids and travel with the next test
/// result, or with the work after the last one. Bounded; what is dropped is counted.
/// </summary>
internal sealed class LateLogRecords(int capacity)
{
    private readonly ConcurrentQueue<LogRecordData> records = new();
    private int count;
    private long dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    public void Add(LogRecordData record)
    {
        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            Interlocked.Increment(ref dropped);
            return;
        }

        records.Enqueue(record);
    }

    /// <summary>The records so far, oldest first; the empty list (no allocation) when there are none, as after nearly every test.</summary>
    public IReadOnlyList<LogRecordData> Drain()
    {
        if (records.IsEmpty)
        {
            return [];
        }

        var drained = new List<LogRecordData>();
        while (records.TryDequeue(out var record))
        {
            Interlocked.Decrement(ref count);
            drained.Add(record);
        }

        return drained;
    }
}
