namespace FlakyCollector.Repro;

/// <summary>What <c>flakytrace repro</c> asks the test process to do to the named span of the test under repro.</summary>
internal enum ReproAction
{
    /// <summary>Hold the span's start for a fixed time: the work it times becomes that much slower (timing).</summary>
    Delay,

    /// <summary>Hold the span's start until the test under repro has ended (bounded): the work ends after the test read its result (race).</summary>
    HoldUntilTestEnds,

    /// <summary>Send the HTTP call to a loopback server that answers with a fixed status (external).</summary>
    FailWithStatus,

    /// <summary>Send the HTTP call to a loopback port nobody listens on: the connection is refused (external).</summary>
    RefuseConnection,

    /// <summary>
    /// Hold the test under repro at its start until the named test (the span) has ended in the same
    /// process (bounded): the predecessor runs first, whatever order the runner picks (order).
    /// </summary>
    StartAfterTest,

    /// <summary>
    /// Hold the test under repro at its start until at least <c>count</c> of the named tests
    /// (<c>amid=</c> lines) are running in the same process (bounded): it meets the crowd of the
    /// failing runs, whatever the scheduler does (contention).
    /// </summary>
    StartAmidTests,
}
