namespace FlakyCollector.Tracing;

/// <summary>
/// How a test execution ended, in FlakyTrace's own terms. VSTest reports the first five; the
/// testing platform also tells a timeout, an error outside the test's assertions, and a
/// cancellation apart from a failure, and they stay apart here, even where the trace contract
/// folds them into <c>failed</c> (<see cref="TestOutcomeText"/>).
/// </summary>
internal enum TestOutcome
{
    /// <summary>No result: NUnit's inconclusive, an <c>[Explicit]</c> test not asked for.</summary>
    None,
    Passed,
    Failed,
    Skipped,

    /// <summary>vstest lost the test.</summary>
    NotFound,

    /// <summary>The platform's timeout state: the framework stopped the test when its time was up.</summary>
    Timeout,

    /// <summary>The platform's error state: the test could not run to an assertion (setup, the framework itself).</summary>
    Error,

    /// <summary>The platform's cancelled state.</summary>
    Cancelled,
}
