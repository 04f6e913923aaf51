namespace FlakyCollector.Analysis.History;

/// <summary>What <see cref="TestHistory.Add"/> or a merge did: runs taken in, and runs already held (counted once).</summary>
public sealed record HistoryAddition(IReadOnlyList<string> Added, IReadOnlyList<string> AlreadyHeld);
