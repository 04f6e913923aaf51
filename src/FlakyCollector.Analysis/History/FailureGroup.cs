namespace FlakyCollector.Analysis.History;

/// <summary>
/// One kind of failure of one test: the failure headline's shape (numbers, ids and times masked,
/// as the analysis groups messages), the latest example and when it was first and last seen.
/// </summary>
internal sealed class FailureGroup(string shape, string example, long firstSeenMs, long lastSeenMs)
{
    public string Shape { get; } = shape;

    public string Example { get; private set; } = example;

    public long FirstSeenMs { get; private set; } = firstSeenMs;

    public long LastSeenMs { get; private set; } = lastSeenMs;

    /// <summary>Takes in a sighting; the example follows the latest one, so merging in any order ends the same.</summary>
    public void Saw(string example, long firstMs, long lastMs)
    {
        FirstSeenMs = Math.Min(FirstSeenMs, firstMs);
        if (lastMs > LastSeenMs || (lastMs == LastSeenMs && string.CompareOrdinal(example, Example) > 0))
        {
            Example = example;
        }

        LastSeenMs = Math.Max(LastSeenMs, lastMs);
    }
}
