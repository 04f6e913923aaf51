namespace FlakyCollector.Recording;

/// <summary>
/// Test recordings whose hook activity has stopped, filed by key until their runner asks for them
/// (the platform, which reads each test node as it finishes). Thread-safe. An entry lives only
/// while a recording waits: one per key for the whole run would hold ~1 KB for each of 100,000 tests.
/// </summary>
internal sealed class EndedTests
{
    private readonly Dictionary<string, Queue<RecordedTest>> byKey = new(StringComparer.Ordinal);

    public void Add(string key, RecordedTest test)
    {
        lock (byKey)
        {
            if (!byKey.TryGetValue(key, out var ended))
            {
                byKey[key] = ended = new Queue<RecordedTest>(1);
            }

            ended.Enqueue(test);
        }
    }

    /// <summary>The oldest recording filed under <paramref name="key"/>, or with <paramref name="all"/> every one, oldest first.</summary>
    /// <remarks>A key with nothing filed (the platform tries a test's keys in turn) costs a lookup, no list.</remarks>
    public IReadOnlyList<RecordedTest> Take(string key, bool all)
    {
        lock (byKey)
        {
            if (!byKey.TryGetValue(key, out var queue))
            {
                return [];
            }

            var taken = new List<RecordedTest>(all ? queue.Count : 1);
            while ((taken.Count == 0 || all) && queue.TryDequeue(out var test))
            {
                taken.Add(test);
            }

            if (queue.Count == 0)
            {
                byKey.Remove(key);
            }

            return taken;
        }
    }
}
