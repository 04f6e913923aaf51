namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// What ran alongside one execution within a window (the moment of its wait, or the test): for
/// each other test, how long it overlapped the window, and for each span label, which other tests
/// had a span of it open in the window (they held the same resource).
/// </summary>
internal sealed class Surroundings(Dictionary<string, long> overlapNanos, long windowNanos, Dictionary<string, HashSet<string>> holders)
{
    /// <summary>
    /// The other tests' overlap summed and divided by the window's length: the average number of
    /// tests running at the same time. Unlike a count of overlapping tests it does not grow just
    /// because this execution itself took longer.
    /// </summary>
    public double Concurrency { get; } = overlapNanos.Values.Sum() / (double)Math.Max(1, windowNanos);

    public bool Overlapped(string test) => overlapNanos.ContainsKey(test);

    public IEnumerable<string> Tests => overlapNanos.Keys;

    /// <summary>Other tests with a span of <paramref name="label"/> open during the window.</summary>
    public IReadOnlySet<string> Holders(string label) => holders.TryGetValue(label, out var tests) ? tests : Empty;

    public IEnumerable<string> HeldLabels => holders.Keys;

    /// <summary>The concurrency had <paramref name="test"/> not been there.</summary>
    public double ConcurrencyWithout(string? test) =>
        (overlapNanos.Values.Sum() - (test is not null && overlapNanos.TryGetValue(test, out var own) ? own : 0)) / (double)Math.Max(1, windowNanos);

    private static readonly HashSet<string> Empty = [];
}
