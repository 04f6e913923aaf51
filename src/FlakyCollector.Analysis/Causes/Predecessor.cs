namespace FlakyCollector.Analysis.Causes;

/// <summary>A candidate for <c>order</c>: another test, and how it came before the flaky one in the same process.</summary>
internal readonly record struct Predecessor(string Test, PredecessorRelation Relation);
