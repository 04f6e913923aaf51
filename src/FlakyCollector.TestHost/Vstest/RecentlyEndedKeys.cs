namespace FlakyCollector.Vstest;

/// <summary>
/// The keys of the last test cases that ended, up to a bound: a recording that arrives under one
/// of them had its result already, and is forgotten. Such a recording comes close behind its test
/// case (rows a framework reports under one test case), so the last few thousand keys are enough;
/// every key of the run would hold its string to the end, over a hundred bytes a test.
/// </summary>
internal sealed class RecentlyEndedKeys(int capacity)
{
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly Queue<string> oldestFirst = new();

    public int Count => keys.Count;

    public bool Contains(string key) => keys.Contains(key);

    public void Add(string key)
    {
        if (!keys.Add(key))
        {
            return;
        }

        oldestFirst.Enqueue(key);
        if (oldestFirst.Count > capacity)
        {
            keys.Remove(oldestFirst.Dequeue());
        }
    }
}
