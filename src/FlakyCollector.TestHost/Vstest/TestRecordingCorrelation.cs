using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Vstest;

/// <summary>
/// Matches the test activities the hooks ended to the test cases vstest ends, in the test process.
/// Per key it keeps what ended, oldest first, and at a test case's end decides: which recording is
/// the reported execution (the last whose outcome, where the hook knows it, agrees with vstest's);
/// which earlier ones are retries (only recordings that positively failed: a framework retries
/// failures and reports the last attempt); and what to forget (everything else under a key whose
/// test case has ended, and later recordings under it while its key is among the last
/// <see cref="EndedKeysRemembered"/> ended). Children beyond a cap per test are dropped and
/// counted on the test's span.
/// </summary>
internal sealed class TestRecordingCorrelation(int maxChildrenPerTest = ExecutionRecording.DefaultMaxChildren)
{
    public const string OutcomeTag = TestActivityNames.OutcomeTag;

    /// <summary>How many ended test cases' keys are remembered, to forget recordings that arrive after their result.</summary>
    public const int EndedKeysRemembered = 4_096;

    private readonly Dictionary<string, WaitingRecordings> pending = new(StringComparer.Ordinal);
    private readonly RecentlyEndedKeys ended = new(EndedKeysRemembered);
    private readonly object gate = new();

    /// <summary>Recordings left out since the start: neither reported nor retries, or ended after their test case.</summary>
    public int Forgotten { get; private set; }

    /// <summary>Recordings waiting for their test case's end.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Values.Sum(p => p.Count);
            }
        }
    }

    /// <summary>Keys of ended test cases held to forget what arrives after them; at most <see cref="EndedKeysRemembered"/>.</summary>
    public int EndedKeys
    {
        get
        {
            lock (gate)
            {
                return ended.Count;
            }
        }
    }

    /// <summary>A hook's test activity ended under <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Ended(string key, RecordedTest trace)
    {
        lock (gate)
        {
            if (ended.Contains(key))
            {
                // A test case that had its end already: xUnit rows it cannot serialise, which it reports under one test case.
                Forgotten++;
                return;
            }

            ref var waiting = ref CollectionsMarshal.GetValueRefOrAddDefault(pending, key, out var exists);
            if (exists)
            {
                waiting.Add(trace);
            }
            else
            {
                waiting = new WaitingRecordings(trace);
            }
        }
    }

    /// <summary>
    /// The recordings of the test case that just ended, retries first and the reported one last.
    /// </summary>
    /// <param name="framework">Where keys are shared by distinct test cases (xUnit's theory rows), only the oldest is taken.</param>
    /// <param name="key">The test case's key (<see cref="TestKeys"/>).</param>
    /// <param name="isWholeMethod">The test case is a whole method, not one data row (xUnit: its display name has no arguments).</param>
    /// <param name="outcome">vstest's outcome of the test case.</param>
    public IReadOnlyList<RecordedTest> TakeFor(TestFramework framework, string key, bool isWholeMethod, string outcome)
    {
        lock (gate)
        {
            if (framework != TestFramework.XUnit)
            {
                if (!pending.Remove(key, out var all))
                {
                    Forget(key, left: 0);
                    return [];
                }

                if (all.Count == 1)
                {
                    // Ran once, as nearly every test does: that recording is the reported one, whatever its outcome.
                    Forget(key, left: 0);
                    return [all.First];
                }

                var taken = TestCaseAttempts.Select(all.ToList(), outcome, startedBy: DateTime.MaxValue);
                Forget(key, left: all.Count - taken.Count);
                return taken;
            }

            ref var waiting = ref CollectionsMarshal.GetValueRefOrNullRef(pending, key);
            if (Unsafe.IsNullRef(ref waiting))
            {
                if (isWholeMethod)
                {
                    Forget(key, left: 0);
                }

                return [];
            }

            var oldest = waiting.First;
            if (!isWholeMethod && RanNoHook(outcome, oldest))
            {
                // A row xUnit skipped ran no hook: the oldest recording under the shared key is a later row's.
                return [];
            }

            if (!waiting.RemoveFirst())
            {
                pending.Remove(key);
            }

            if (isWholeMethod)
            {
                Forget(key, left: pending.Remove(key, out var rest) ? rest.Count : 0);
            }

            return [oldest];
        }
    }

    private static bool RanNoHook(string outcome, RecordedTest oldest) =>
        outcome is "Skipped" or "NotFound" or "None" && !SkippedRow.SkippedItself(oldest.LastExceptionType);

    /// <summary>
    /// The rows of an MSTest test case that just ended, if its rows share it (data MSTest cannot
    /// serialise): the hook files each under "Class.Method (row)", the key of the row's own result.
    /// Their test case is over, so their keys are forgotten.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, RecordedTest>> TakeRows(string key)
    {
        lock (gate)
        {
            // Asked for every MSTest result, and nearly every one has no rows: no list, no prefix, no query.
            if (pending.Count == 0)
            {
                return [];
            }

            var prefix = key + " (";
            List<string>? rowKeys = null;
            foreach (var pendingKey in pending.Keys)
            {
                if (pendingKey.StartsWith(prefix, StringComparison.Ordinal))
                {
                    (rowKeys ??= []).Add(pendingKey);
                }
            }

            if (rowKeys is null)
            {
                return [];
            }

            var rows = new List<KeyValuePair<string, RecordedTest>>(rowKeys.Count);
            foreach (var rowKey in rowKeys)
            {
                pending.Remove(rowKey, out var traces);
                rows.Add(new(rowKey, traces.Last));
                Forget(rowKey, left: traces.Count - 1);
            }

            return rows;
        }
    }

    /// <summary>Turns what <see cref="TakeFor"/> gave into the payload, with at most the cap of children.</summary>
    public RecordedExecution Recording(IReadOnlyList<RecordedTest> taken, string timing, IReadOnlyList<SpanData> detached,
        IReadOnlyList<SpanLinkData>? fixtureLinks = null) =>
        ExecutionRecording.From(taken, timing, detached, maxChildren: maxChildrenPerTest, fixtureLinks: fixtureLinks);

    /// <summary>The key's test case has ended: <paramref name="left"/> of its recordings were not taken, and later ones will not be.</summary>
    private void Forget(string key, int left)
    {
        ended.Add(key);
        Forgotten += left;
    }
}
