namespace FlakyCollector.Analysis.Repro;

/// <summary>What <c>flakytrace repro</c> found for one flaky test.</summary>
public sealed record ReproResult
{
    /// <summary><c>test.case.name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The cause under test, in one line (<c>external: HTTP POST ...</c>).</summary>
    public required string Cause { get; init; }

    public required ReproVerdict Verdict { get; init; }

    /// <summary>Why the verdict is what it is, in one line.</summary>
    public string Reason { get; init; } = "";

    public required ReproCounts With { get; init; }

    public required ReproCounts Without { get; init; }

    /// <summary>The failures with the condition have the same grouped message as the traced failures.</summary>
    public bool SameFailure { get; init; }

    /// <summary>The command line that reproduces the failure, with the run settings file it names.</summary>
    public string Repro { get; init; } = "";

    /// <summary>The failure rate in the traced runs.</summary>
    public double TracedFailureRate { get; init; }

    /// <summary>
    /// Both sides ran the whole suite, with the condition on the tests under repro only: run alone,
    /// the test failed without the condition far more often than in the traces (<see cref="Alone"/>).
    /// </summary>
    public bool InSuite { get; init; }

    /// <summary>Where the experiment moved into the suite: the runs without the condition of the tests run alone, which were no baseline.</summary>
    public ReproCounts? Alone { get; init; }

    /// <summary>The other tests reproduced in the same experiment (a cluster's members).</summary>
    public IReadOnlyList<string> Cluster { get; init; } = [];

    public static string VerdictText(ReproVerdict verdict) => verdict switch
    {
        ReproVerdict.Confirmed => "confirmed",
        ReproVerdict.NotConfirmed => "not confirmed",
        _ => "inconclusive",
    };
}
