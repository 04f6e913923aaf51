namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// A candidate for <c>order</c>: another test, and how it came before the flaky one in the same
/// process; for <see cref="PredecessorRelation.SpanBeforeRead"/>, which of its spans did.
/// </summary>
internal readonly record struct Predecessor(string Test, PredecessorRelation Relation, string? Span = null);
