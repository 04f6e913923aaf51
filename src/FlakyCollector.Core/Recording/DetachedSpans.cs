using System.Collections.Concurrent;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// Spans that belong to no running test: work done in fixtures and setup, or that outlived its
/// test. They keep their own trace ids and travel with the next test result. Bounded, so a noisy
/// background source cannot grow the test process without limit; what is dropped is counted.
/// </summary>
internal sealed class DetachedSpans(int capacity)
{
    private readonly ConcurrentQueue<SpanData> spans = new();
    private int count;
    private long dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    public void Add(SpanData span)
    {
        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            Interlocked.Increment(ref dropped);
            return;
        }

        spans.Enqueue(span);
    }

    public IReadOnlyList<SpanData> Drain()
    {
        if (spans.IsEmpty)
        {
            return []; // after nearly every test: no list
        }

        var drained = new List<SpanData>();
        while (spans.TryDequeue(out var span))
        {
            Interlocked.Decrement(ref count);
            drained.Add(span);
        }

        return drained;
    }
}
