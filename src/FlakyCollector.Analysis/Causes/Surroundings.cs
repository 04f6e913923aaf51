namespace FlakyCollector.Analysis.Causes;

/// <summary>What ran alongside one execution: for each other test, how long it overlapped.</summary>
internal sealed class Surroundings(Dictionary<string, long> overlapNanos, long durationNanos)
{
    /// <summary>
    /// The other tests' overlap summed and divided by this execution's duration: the average
    /// number of tests running at the same time. Unlike a count of overlapping tests it does not
    /// grow just because this execution itself took longer.
    /// </summary>
    public double Concurrency { get; } = overlapNanos.Values.Sum() / (double)Math.Max(1, durationNanos);

    public bool Overlapped(string test) => overlapNanos.ContainsKey(test);

    public IEnumerable<string> Tests => overlapNanos.Keys;

    /// <summary>The concurrency had <paramref name="test"/> not been there.</summary>
    public double ConcurrencyWithout(string? test) =>
        (overlapNanos.Values.Sum() - (test is not null && overlapNanos.TryGetValue(test, out var own) ? own : 0)) / (double)Math.Max(1, durationNanos);
}
