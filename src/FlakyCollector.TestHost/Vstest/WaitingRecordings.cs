using FlakyCollector.Recording;

namespace FlakyCollector.Vstest;

/// <summary>
/// The recordings waiting under one key for their test case's end, oldest first. Nearly every key
/// has one, and xUnit under VSTest keeps tens of thousands waiting: a list for each would be 64
/// bytes apiece, so the first is held as is and a list is made only for the later ones.
/// </summary>
internal struct WaitingRecordings(RecordedTest first)
{
    private RecordedTest first = first;
    private List<RecordedTest>? later;

    public readonly int Count => 1 + (later?.Count ?? 0);

    public readonly RecordedTest First => first;

    public readonly RecordedTest Last => later is { Count: > 0 } ? later[^1] : first;

    public void Add(RecordedTest recording) => (later ??= []).Add(recording);

    /// <summary>Drops the oldest; false when it was the only one, and nothing is left.</summary>
    public bool RemoveFirst()
    {
        if (later is not { Count: > 0 })
        {
            return false;
        }

        first = later[0];
        later.RemoveAt(0);
        return true;
    }

    /// <summary>All of them, oldest first, in a list of the caller's own.</summary>
    public readonly List<RecordedTest> ToList()
    {
        var all = new List<RecordedTest>(Count) { first };
        if (later is not null)
        {
            all.AddRange(later);
        }

        return all;
    }
}
