namespace FlakyCollector.Tracing;

/// <summary>
/// The executions behind one vstest result: earlier attempts that the framework retried and did
/// not report (they failed, or it would not have retried), then the reported one.
/// </summary>
internal static class TestExecutions
{
    public const string RetriedMessage = "failed, and the test framework retried it; it reports only the last attempt's result";

    public static IEnumerable<CompletedTest> Of(CompletedTest test)
    {
        foreach (var earlier in test.Payload?.PreviousAttempts ?? [])
        {
            yield return test with
            {
                Outcome = TestOutcome.Failed,
                ErrorMessage = RetriedMessage,
                ErrorStackTrace = null,
                Output = null,
                ErrorOutput = null,
                // The framework's timing is the reported attempt's, not this one's.
                StartTime = default,
                EndTime = default,
                Duration = TimeSpan.Zero,
                Payload = test.Payload! with { TestSpan = earlier, ExceptionType = null, Exceptions = [], PreviousAttempts = [], Children = [], Detached = [] },
            };
        }

        yield return test;
    }
}
