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

    /// <summary>
    /// It ran in the same process, and a span of it (the label in <see cref="Predecessor.Span"/>)
    /// ended before the flaky test made its read: a parallel test changed shared state mid-test.
    /// </summary>
    SpanBeforeRead,
}
