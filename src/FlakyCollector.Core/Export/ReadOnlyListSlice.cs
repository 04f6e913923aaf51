using System.Collections;

namespace FlakyCollector.Export;

/// <summary>A window onto part of a list, so that batches of a large span list cost no copies.</summary>
internal sealed class ReadOnlyListSlice<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> source;
    private readonly int start;

    public ReadOnlyListSlice(IReadOnlyList<T> source, int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, source.Count);
        this.source = source;
        this.start = start;
        Count = count;
    }

    public int Count { get; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return source[start + index];
        }
    }

    /// <summary>Takes up to <paramref name="count"/> items from <paramref name="start"/>, clipped to the list's end.</summary>
    public static IReadOnlyList<T> Of(IReadOnlyList<T> source, int start, int count)
    {
        count = Math.Min(count, source.Count - start);
        return start == 0 && count == source.Count ? source : new ReadOnlyListSlice<T>(source, start, count);
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return source[start + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
