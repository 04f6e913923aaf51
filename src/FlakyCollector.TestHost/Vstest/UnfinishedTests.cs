using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Vstest;

/// <summary>
/// The tests that were running when the test process ended without reporting them: crashed, or
/// killed by vstest's blame hang timeout. Each becomes a failed execution whose message names the
/// reason the way vstest's blame collector does, so that it has a span like any other test.
/// </summary>
internal static class UnfinishedTests
{
    public const string Crashed = "the test process crashed";
    public const string HangTimeout = "hang timeout";

    /// <summary>Whether a run message is the blame collector saying that its hang timeout elapsed.</summary>
    public static bool IsHangTimeoutMessage(string? message) =>
        message is not null
        && (message.Contains("inactivity time", StringComparison.OrdinalIgnoreCase) || message.Contains("hang timeout", StringComparison.OrdinalIgnoreCase));

    public static CompletedTest From(StartedTest test, bool hangTimeout, DateTimeOffset runEnd)
    {
        var reason = hangTimeout ? HangTimeout : Crashed;
        var end = runEnd < test.StartTime ? test.StartTime : runEnd;
        return new CompletedTest
        {
            FullyQualifiedName = test.FullyQualifiedName,
            DisplayName = test.DisplayName,
            Source = test.Source,
            ExecutorUri = test.ExecutorUri,
            Outcome = TestOutcome.Failed,
            ErrorMessage = $"{reason}: the test was running when the test process ended, and has no result",
            StartTime = test.StartTime,
            EndTime = end,
            Duration = end - test.StartTime,
            Payload = new RecordedExecution
            {
                ProcessId = test.ProcessId,
                ExceptionType = hangTimeout ? "hang_timeout" : "test_process_crash",
            },
        };
    }
}
