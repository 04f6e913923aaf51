namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>Why a sample test passes or fails: the known cause the analysis must find.</summary>
internal enum SampleBehavior
{
    Stable,
    Broken,
    SlowQuery,
    Unavailable503,
    OrderDependent,
    SharedState,
    Contention,

    /// <summary>Starts background work, waits a fixed time, checks: fails when the work ends after the check.</summary>
    Race,

    /// <summary>Calls a dependency that is down for whole runs: every such test fails in those runs.</summary>
    Outage,

    /// <summary>Fails on one runtime, passes on the other (a multi-targeted project).</summary>
    RuntimeBound,
}
