using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Interns the strings that repeat across millions of spans (test names, run ids, span labels),
/// so each distinct value is allocated once. Values are looked up by their UTF-8 bytes straight
/// from the JSON line, so a repeated value is neither transcoded nor allocated. Not thread-safe:
/// each reader partition owns one.
/// </summary>
internal sealed class StringPool
{
    // Past this many distinct values the input is high-cardinality (ids in span names): keep
    // memory bounded by handing out fresh strings instead of caching them.
    private const int MaxEntries = 200_000;

    private int[] _buckets = new int[1024];
    private StringPoolEntry[] _entries = new StringPoolEntry[1024];
    private int _count;

    public int Count => _count;

    public string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        var hash = Hash(utf8);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].Hash == hash && utf8.SequenceEqual(_entries[i].Key))
            {
                return _entries[i].Value;
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (_count < MaxEntries)
        {
            Add(utf8.ToArray(), value, hash);
        }

        return value;
    }

    public string Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        Span<byte> utf8 = value.Length <= 256 ? stackalloc byte[value.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        return Intern(utf8[..Encoding.UTF8.GetBytes(value, utf8)]);
    }

    private void Add(byte[] key, string value, int hash)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            _buckets = new int[_entries.Length];
            for (var i = 0; i < _count; i++)
            {
                ref var bucket = ref _buckets[_entries[i].Hash & (_buckets.Length - 1)];
                _entries[i].Next = bucket - 1;
                bucket = i + 1;
            }
        }

        ref var head = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new StringPoolEntry(key, value, hash, head - 1);
        head = ++_count;
    }

    // Word-at-a-time multiply-rotate hash: good enough spread for a table of names, and cheap.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL, 31);
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            h = (h ^ b) * 0x100000001B3UL;
        }

        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 29;
        return (int)h;
    }
}
