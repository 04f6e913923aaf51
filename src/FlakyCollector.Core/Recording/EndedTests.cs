using System.Runtime.CompilerServices;

namespace FlakyCollector.Recording;

/// <summary>
/// Test recordings whose hook activity has stopped, filed by key until their runner asks for them
/// (the platform, which reads each test node as it finishes). Thread-safe. An entry lives only
/// while a recording waits: one per key for the whole run would hold ~1 KB for each of 100,000 tests.
/// A key nearly always has one recording waiting, filed as it is; a list is made for a second.
/// </summary>
internal sealed class EndedTests
{
    // Each value is a RecordedTest, or a List<RecordedTest> of two or more, oldest first.
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
            else if (waiting is List<RecordedTest> list)
            {
                list.Add(test);
            }
            else
            {
                byKey[key] = new List<RecordedTest>(2) { (RecordedTest)waiting, test };
            }
        }
    }

    /// <summary>
    /// What of the recordings filed under <paramref name="key"/> is the test's that the runner just
    /// reported. Only those that started by <paramref name="startedBy"/> (UTC), when the test ended:
    /// one that started later is a later test's, filed under the same key before this one was asked
    /// for. With <paramref name="outcome"/> null, the key is shared by distinct tests that each ran
    /// once (xUnit's theory rows): the oldest. Else it names one test case, reported with that
    /// outcome: its attempts (<see cref="TestCaseAttempts"/>), and the rest stays filed.
    /// </summary>
    /// <remarks>A key with nothing filed (the platform tries a test's keys in turn) costs a lookup, no list.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<RecordedTest> Take(string key, string? outcome, DateTime startedBy)
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

            var filed = (List<RecordedTest>)waiting;
            IReadOnlyList<RecordedTest> taken = outcome is not null ? TestCaseAttempts.Select(filed, outcome, startedBy)
                : filed[0].Stopped.StartTimeUtc <= startedBy ? [filed[0]]
                : [];
            foreach (var recording in taken)
            {
                filed.Remove(recording);
            }

            if (filed.Count == 0)
            {
                byKey.Remove(key);
            }
            else if (filed.Count == 1)
            {
                byKey[key] = filed[0];
            }

            return taken;
        }
    }
}
