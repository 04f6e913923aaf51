namespace FlakyCollector.Analysis.Causes;

/// <summary>What a root-cause hint says separates failing runs from passing runs.</summary>
public enum CauseKind
{
    /// <summary>A child span, or the test itself, is much slower in failing runs.</summary>
    Timing,

    /// <summary>Work the test started ends after the test in failing runs and before it in passing runs: the test does not wait for it.</summary>
    Race,

    /// <summary>Failing runs contain HTTP or dependency spans with errors, 5xx or timeouts that passing runs lack.</summary>
    External,

    /// <summary>The test fails when a particular other test ran before it in the same test process.</summary>
    Order,

    /// <summary>Failing runs overlap more concurrently running tests, or a particular test.</summary>
    Contention,

    /// <summary>A log line (its template) appears in failing runs and not in passing ones, or the reverse.</summary>
    Log,

    /// <summary>Nothing in the traces separates failing from passing runs.</summary>
    None,
}
