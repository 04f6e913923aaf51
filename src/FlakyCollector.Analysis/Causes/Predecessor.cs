namespace FlakyCollector.Analysis.Causes;

/// <summary>An order feature: <paramref name="Test"/> ran before (or immediately before) an execution in its process.</summary>
internal readonly record struct Predecessor(string Test, bool Immediate);
