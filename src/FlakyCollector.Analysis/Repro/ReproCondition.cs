using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Repro;

/// <summary>
/// The experiment for one flaky test or cluster: what to inject in the test process, or which
/// tests to run with it, so that the failing runs' condition happens again.
/// </summary>
public sealed record ReproCondition
{
    /// <summary>The tests under repro: one, or every member of a cluster.</summary>
    public required IReadOnlyList<string> Tests { get; init; }

    public required CauseKind Kind { get; init; }

    /// <summary>The cause in one line, as the analysis named it.</summary>
    public required string Cause { get; init; }

    /// <summary>The body of the <c>&lt;Repro&gt;</c> run setting for the test process; null when the condition is which tests run, not what they meet.</summary>
    public string? Injection { get; init; }

    /// <summary>Tests run together with the tests under repro in the runs with the condition (order: the predecessor; contention: the overlapping tests).</summary>
    public IReadOnlyList<string> Companions { get; init; } = [];

    /// <summary>
    /// Order: the runs with the condition run one test at a time, so that the predecessor can end
    /// before the test starts (frameworks run classes in parallel by default).
    /// </summary>
    public bool Serial { get; init; }

    /// <summary>Contention with no particular test: the runs with the condition run the whole suite at full parallelism.</summary>
    public bool WholeSuite { get; init; }

    /// <summary>Why the condition cannot be reproduced; null when it can.</summary>
    public string? Impossible { get; init; }
}
