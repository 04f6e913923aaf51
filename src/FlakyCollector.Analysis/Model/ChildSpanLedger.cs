namespace FlakyCollector.Analysis.Model;

/// <summary>
/// The child spans one execution has counted: id, label and what each added to its label's
/// summary. A span read twice (from the collector's file and from an OpenTelemetry Collector's
/// export of the same trace) is recognised by its id and counted once, also when the two copies
/// were folded by different reader partitions: the second copy's share is taken off again.
/// </summary>
/// <remarks>
/// A value held in a field of its execution, not an object of its own; the array comes with the
/// first child span (many executions have none) and grows as <see cref="ChildCapacity"/> says. Most
/// executions have a handful of children, searched linearly; past <see cref="LinearLimit"/> a
/// set of the ids takes over the search, while the entries stay in the array in the order they
/// were counted.
/// </remarks>
internal struct ChildSpanLedger
{
    private const int LinearLimit = 32;

    private ChildSpanEntry[]? _entries;
    private int _count;
    private HashSet<ulong>? _ids;

    public readonly int Count => _count;

    public readonly IEnumerable<ChildSpanEntry> Entries =>
        _entries is null ? Array.Empty<ChildSpanEntry>() : new ArraySegment<ChildSpanEntry>(_entries, 0, _count);

    /// <summary>Adds the entry; false when a span with its id was already there.</summary>
    public bool Add(in ChildSpanEntry entry)
    {
        if (_ids is not null)
        {
            if (!_ids.Add(entry.SpanId))
            {
                return false;
            }
        }
        else if (Contains(entry.SpanId))
        {
            return false;
        }
        else if (_count == LinearLimit)
        {
            _ids = new HashSet<ulong>(_count * 2);
            for (var i = 0; i < _count; i++)
            {
                _ids.Add(_entries![i].SpanId);
            }

            _ids.Add(entry.SpanId);
        }

        if (_entries is null)
        {
            _entries = new ChildSpanEntry[ChildCapacity.First];
        }
        else if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, ChildCapacity.After(_entries.Length));
        }

        _entries[_count++] = entry;
        return true;
    }

    public readonly bool Contains(ulong spanId)
    {
        if (_ids is not null)
        {
            return _ids.Contains(spanId);
        }

        for (var i = 0; i < _count; i++)
        {
            if (_entries![i].SpanId == spanId)
            {
                return true;
            }
        }

        return false;
    }
}
