namespace FlakyCollector.Analysis.Reading;

/// <summary>One interned value of a <see cref="StringPool"/>, chained to the next entry of its bucket.</summary>
internal record struct StringPoolEntry(byte[] Key, string Value, int Hash, int Next);
