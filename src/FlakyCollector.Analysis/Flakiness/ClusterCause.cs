using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>A cause that members of a cluster share: the same kind about the same span or other test.</summary>
/// <param name="Hint">The strongest member's hint, for its summary and evidence.</param>
/// <param name="Tests">The members whose causes include it.</param>
public sealed record ClusterCause(CauseHint Hint, IReadOnlyList<string> Tests);
