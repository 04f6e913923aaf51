namespace FlakyCollector.Tracing;

/// <summary>
/// What a <see cref="TestOutcome"/> reads as in the trace contract, and how VSTest's outcome names
/// map onto it. The platform's timeout, error and cancelled states count as failures there:
/// <c>test.outcome</c> is VSTest's vocabulary, which has no word for them.
/// </summary>
internal static class TestOutcomeText
{
    /// <summary>The outcome vstest reported, by its enum name (Passed, Failed, Skipped, NotFound, None).</summary>
    public static TestOutcome FromVstest(string outcome) =>
        Enum.TryParse<TestOutcome>(outcome, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : TestOutcome.None;

    /// <summary>Whether the execution failed: its span gets status Error and an exception event.</summary>
    public static bool IsFailure(this TestOutcome outcome) =>
        outcome is TestOutcome.Failed or TestOutcome.Timeout or TestOutcome.Error or TestOutcome.Cancelled;

    /// <summary>The <c>test.outcome</c> value: VSTest's outcome in lower case.</summary>
    public static string ContractValue(this TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Skipped => "skipped",
        TestOutcome.NotFound => "notfound",
        TestOutcome.None => "none",
        _ => "failed",
    };

    /// <summary>
    /// The <c>test.case.result.status</c> value. A test that neither passed nor failed (skipped, NUnit
    /// <c>[Explicit]</c> not asked for, inconclusive, not found) did not complete, so it counts as skipped.
    /// </summary>
    public static string ResultStatus(this TestOutcome outcome) =>
        outcome == TestOutcome.Passed ? "pass" : outcome.IsFailure() ? "fail" : "skipped";
}
