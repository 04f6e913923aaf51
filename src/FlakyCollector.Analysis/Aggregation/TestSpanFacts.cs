using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Aggregation;

/// <summary>Copies a test span's facts onto its <see cref="TestExecution"/>.</summary>
internal static class TestSpanFacts
{
    private const int StatusError = 2;

    // Without the report, a failure message is kept for the "most common error" column only;
    // assertion diffs can be long and there is one per failed execution.
    private const int MessageLimitWithoutDetails = 500;

    public static void Apply(ParsedSpan span, TestExecution execution, bool retainDetails)
    {
        execution.HasTestSpan = true;
        execution.SpanId = span.SpanId;
        execution.Name = span.TestCaseName!;
        execution.DisplayName = span.Name;
        execution.Suite = span.TestSuiteName;
        execution.RunId = span.RunId ?? "";
        execution.ProcessId = span.ProcessId;
        execution.Commit = string.IsNullOrEmpty(span.Commit) ? null : span.Commit;
        execution.ServiceName = span.ServiceName;
        execution.StartNanos = span.StartNanos;
        execution.EndNanos = span.EndNanos;
        execution.Attempt = span.Attempt > 0 ? span.Attempt : 1;
        execution.Outcome = OutcomeOf(span);
        execution.FixtureTraceIds = span.FixtureTraceIds is { Count: > 0 } fixtures ? [.. fixtures] : [];
        if (execution.Outcome == TestOutcome.Failed)
        {
            execution.ErrorType = span.ErrorType ?? span.ExceptionType;
            var message = WithoutTypePrefix(span.StatusMessage ?? span.ExceptionMessage, execution.ErrorType);
            execution.ErrorMessage = retainDetails || message is null || message.Length <= MessageLimitWithoutDetails
                ? message
                : message[..MessageLimitWithoutDetails];
            execution.StackTrace = retainDetails ? span.ExceptionStackTrace : null;
            execution.FailedInSetup = Causes.SetupFailures.FailedInSetup(span.FailurePhase, message);
        }
    }

    /// <summary>
    /// Some frameworks report the message as "Type : message"; the type is already in
    /// <c>error.type</c>, and a headline "Type: Type : message" says it twice.
    /// </summary>
    internal static string? WithoutTypePrefix(string? message, string? errorType)
    {
        if (message is null || string.IsNullOrEmpty(errorType) || !message.StartsWith(errorType, StringComparison.Ordinal))
        {
            return message;
        }

        var rest = message.AsSpan(errorType.Length).TrimStart(' ');
        return rest.StartsWith(":") ? rest[1..].TrimStart().ToString() : message;
    }

    /// <summary>
    /// <c>test.case.result.status</c> first (the semantic convention), then vstest's
    /// <c>test.outcome</c>, then the span status.
    /// </summary>
    internal static TestOutcome OutcomeOf(ParsedSpan span) => span.TestResultStatus switch
    {
        "pass" or "passed" => TestOutcome.Passed,
        "fail" or "failed" => TestOutcome.Failed,
        "skipped" or "skip" => TestOutcome.Skipped,
        _ => span.TestOutcome switch
        {
            "passed" => TestOutcome.Passed,
            "failed" => TestOutcome.Failed,
            "skipped" => TestOutcome.Skipped,
            "notfound" or "none" => TestOutcome.Unknown,
            _ => span.StatusCode == StatusError ? TestOutcome.Failed : TestOutcome.Passed,
        },
    };
}
