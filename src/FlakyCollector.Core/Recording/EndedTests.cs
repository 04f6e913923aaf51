using System.Runtime.CompilerServices;

namespace FlakyCollector.Recording;

/// <summary>
/// Test recordings whose hook activity has stopped, filed by key until their runner asks for them
/// (the platform, which reads each test node as it finishes). Thread-safe. An entry lives only
/// while a recording waits: one per key for the whole run would hold ~1 KB for each of 100,000 tests.
/// A key nearly always has one recording waiting, filed as it is; a queue is made for a second.
/// </summary>
internal sealed class EndedTests
{
    // Each value is a RecordedTest, or a Queue<RecordedTest> of two or more, oldest first.
    private readonly Dictionary<string, object> byKey = new(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string key, RecordedTest test)
    {
        lock (byKey)
        {
            if (!byKey.TryGetValue(key, out var waiting))
            {
                byKey[key] = test;
            }
            else if (waiting is Queue<RecordedTest> queue)
            {
                queue.Enqueue(test);
            }
            else
            {
                var both = new Queue<RecordedTest>(2);
                both.Enqueue((RecordedTest)waiting);
                both.Enqueue(test);
                byKey[key] = both;
            }
        }
    }

    /// <summary>
    /// The oldest recording filed under <paramref name="key"/>, or with <paramref name="all"/> every
    /// one, oldest first; only those that started by <paramref name="startedBy"/> (UTC): a recording
    /// that started after a test ended is a later test's, filed under the same key before this one
    /// was asked for (a theory's next row, when this row ran no hook).
    /// </summary>
    /// <remarks>A key with nothing filed (the platform tries a test's keys in turn) costs a lookup, no list.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<RecordedTest> Take(string key, bool all, DateTime startedBy)
    {
        lock (byKey)
        {
            if (!byKey.TryGetValue(key, out var waiting))
            {
                return [];
            }

            if (waiting is RecordedTest test)
            {
                if (test.Stopped.StartTimeUtc > startedBy)
                {
                    return [];
                }

                byKey.Remove(key);
                return [test];
            }

            var queue = (Queue<RecordedTest>)waiting;
            var taken = new List<RecordedTest>(all ? queue.Count : 1);
            while ((taken.Count == 0 || all) && queue.TryPeek(out var next) && next.Stopped.StartTimeUtc <= startedBy)
            {
                taken.Add(queue.Dequeue());
            }

            if (queue.Count == 0)
            {
                byKey.Remove(key);
            }

            return taken;
        }
    }
}
