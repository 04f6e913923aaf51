namespace FlakyCollector.Analysis.Model;

/// <summary>
/// The child spans one execution has counted: id, label and what each added to its label's
/// summary. A span read twice (from the collector's file and from an OpenTelemetry Collector's
/// export of the same trace) is recognised by its id and counted once, also when the two copies
/// were folded by different reader partitions: the second copy's share is taken off again. Most
/// executions have a handful of children, so a flat array searched linearly serves; past
/// <see cref="LinearLimit"/> entries a dictionary takes over. About 32 bytes a child span.
/// </summary>
internal sealed class ChildSpanLedger
{
    private const int LinearLimit = 32;

    private ChildSpanEntry[] _entries = new ChildSpanEntry[4];
    private int _count;
    private Dictionary<ulong, ChildSpanEntry>? _large;

    public int Count => _large?.Count ?? _count;

    public IEnumerable<ChildSpanEntry> Entries => _large?.Values ?? _entries.Take(_count);

    /// <summary>Adds the entry; false when a span with its id was already there.</summary>
    public bool Add(in ChildSpanEntry entry)
    {
        if (_large is not null)
        {
            return _large.TryAdd(entry.SpanId, entry);
        }

        if (Contains(entry.SpanId))
        {
            return false;
        }

        if (_count == LinearLimit)
        {
            _large = _entries.Take(_count).ToDictionary(e => e.SpanId);
            _large.Add(entry.SpanId, entry);
            _entries = [];
            return true;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = entry;
        return true;
    }

    public bool Contains(ulong spanId)
    {
        if (_large is not null)
        {
            return _large.ContainsKey(spanId);
        }

        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].SpanId == spanId)
            {
                return true;
            }
        }

        return false;
    }
}
