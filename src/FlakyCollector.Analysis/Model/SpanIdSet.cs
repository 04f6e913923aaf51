namespace FlakyCollector.Analysis.Model;

/// <summary>
/// The span ids of one execution's children, so that a span read twice (from the collector's file
/// and from an OpenTelemetry Collector's export of the same trace, say) is counted once. Most
/// executions have a handful of children: a flat array searched linearly costs 8 bytes a span and
/// no hashing; past <see cref="LinearLimit"/> ids a hash set takes over.
/// </summary>
internal sealed class SpanIdSet
{
    private const int LinearLimit = 32;

    private ulong[] _ids = new ulong[4];
    private int _count;
    private HashSet<ulong>? _large;

    public int Count => _large?.Count ?? _count;

    public IEnumerable<ulong> Ids => _large ?? _ids.Take(_count);

    /// <summary>Adds the id; false when it was already there.</summary>
    public bool Add(ulong id)
    {
        if (_large is not null)
        {
            return _large.Add(id);
        }

        if (Array.IndexOf(_ids, id, 0, _count) >= 0)
        {
            return false;
        }

        if (_count == LinearLimit)
        {
            _large = [.. _ids, id];
            _ids = [];
            return true;
        }

        if (_count == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
        }

        _ids[_count++] = id;
        return true;
    }

    public bool Contains(ulong id) => _large?.Contains(id) ?? Array.IndexOf(_ids, id, 0, _count) >= 0;
}
