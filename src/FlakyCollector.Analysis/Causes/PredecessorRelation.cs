namespace FlakyCollector.Analysis.Causes;

/// <summary>How another test came before the flaky one in the same test process.</summary>
internal enum PredecessorRelation
{
    /// <summary>It ended before the flaky test started.</summary>
    Before,

    /// <summary>It was the last to end before the flaky test started.</summary>
    Immediate,

    /// <summary>It started before the flaky test did: ended before, or was still running when it started.</summary>
    StartedBefore,
}
