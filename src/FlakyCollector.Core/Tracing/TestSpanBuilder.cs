using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Builds the span of one test execution: ids and timing from the test process when it recorded
/// them (where they agree with the framework's duration; see <see cref="TestWindow"/>), outcome,
/// message and stack trace from vstest's result (the same text <c>dotnet test</c> prints), and the
/// type of the exception that failed the test (<see cref="TestFailure"/>).
/// </summary>
internal static class TestSpanBuilder
{
    /// <summary>Test output beyond this many characters is cut, so that a chatty test cannot swell the trace.</summary>
    public const int MaxOutputLength = 8 * 1024;

    /// <param name="names">The test's names, when the caller has them already.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpanData Build(CompletedTest test, string? runId, int attempt, string scopeVersion, IReadOnlyList<SpanLinkData>? links = null, TestNames? names = null)
    {
        var recorded = test.Payload?.TestSpan;
        var window = TestWindow.Of(test);
        var (start, end) = (window.Start, window.End);
        var failed = test.Outcome.IsFailure();
        var attributes = Attributes(test, names ?? TestCaseNaming.Names(test.FullyQualifiedName, test.DisplayName), runId, attempt, window.Timing);
        var events = new List<SpanEventData>();
        if (failed)
        {
            var failure = TestFailure.Of(test);
            attributes.Add(new(TestAttributeNames.ErrorType, failure.Type));
            if (ErrorTypeGuess.IsOneTimeSetUpFailure(test.ErrorMessage) && recorded is null)
            {
                attributes.Add(new(TestAttributeNames.FailurePhase, "setup"));
            }

            events.Add(new SpanEventData(TestAttributeNames.ExceptionEvent, end,
            [
                new(TestAttributeNames.ExceptionType, failure.Type),
                new(TestAttributeNames.ExceptionMessage, failure.Message),
                new(TestAttributeNames.ExceptionStacktrace, test.ErrorStackTrace ?? string.Empty),
            ]));
        }
        else if (test.SkipReason is { Length: > 0 } reason && test.Outcome.ResultStatus() == "skipped")
        {
            attributes.Add(new(TestAttributeNames.SkipReason, reason));
        }

        return new SpanData
        {
            TraceId = recorded?.TraceId ?? ActivityTraceId.CreateRandom().ToHexString(),
            SpanId = recorded?.SpanId ?? ActivitySpanId.CreateRandom().ToHexString(),
            Name = test.DisplayName,
            Kind = SpanKind.Internal,
            StartTimeUnixNano = start,
            EndTimeUnixNano = end,
            StatusCode = failed ? SpanStatusCode.Error : SpanStatusCode.Unset,
            StatusMessage = failed ? test.ErrorMessage ?? "failed" : null,
            ScopeName = TestAttributeNames.ScopeName,
            ScopeVersion = scopeVersion,
            Attributes = attributes,
            Events = events,
            Links = links ?? [],
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<SpanAttribute> Attributes(CompletedTest test, TestNames names, string? runId, int attempt, string timing)
    {
        var attributes = new List<SpanAttribute>
        {
            new(TestAttributeNames.CaseName, names.Case),
            new(TestAttributeNames.SuiteName, names.Suite),
            new(TestAttributeNames.CodeFunction, names.Function),
            new(TestAttributeNames.Outcome, test.Outcome.ContractValue()),
            new(TestAttributeNames.Attempt, (long)attempt),
        };
        attributes.Add(new(TestAttributeNames.CaseResultStatus, test.Outcome.ResultStatus()));
        Add(attributes, TestAttributeNames.Framework, TestFrameworkDetector.AttributeValue(
            test.Framework != TestFramework.Unknown ? test.Framework : TestFrameworkDetector.FromExecutorUri(test.ExecutorUri)));
        Add(attributes, TestAttributeNames.RunId, runId);
        Add(attributes, TestAttributeNames.CodeFile, test.CodeFilePath);
        if (test.LineNumber > 0)
        {
            attributes.Add(new(TestAttributeNames.CodeLine, (long)test.LineNumber));
        }

        if (test.Payload is { } payload)
        {
            // A loop, not Where: LINQ over a struct element is generic code the platform's test
            // process never optimises, and this runs for every test.
            var recorded = payload.TestSpan?.Attributes ?? [];
            for (var i = 0; i < recorded.Count; i++)
            {
                if (recorded[i].Key == ExecutionRecording.DroppedChildrenAttribute)
                {
                    attributes.Add(recorded[i]);
                }
            }

            attributes.Add(new(TestAttributeNames.TestHostPid, (long)payload.ProcessId));
        }

        attributes.Add(new(TestAttributeNames.Timing, timing));

        Add(attributes, TestAttributeNames.Output, Capped(test.Output));
        Add(attributes, TestAttributeNames.ErrorOutput, Capped(test.ErrorOutput));
        foreach (var (name, value) in test.Traits)
        {
            attributes.Add(new(TestAttributeNames.TraitPrefix + name, value));
        }

        return attributes;
    }

    /// <summary>
    /// The framework's own timing, when the test process recorded nothing for this test. Its duration
    /// is the row's own; its start and end may be the whole test case's (MSTest rows that share one
    /// test case all carry the method's window) or one instant (xUnit rows it cannot serialise), so
    /// the window is kept only where it agrees with the duration; else the row ends at the window's end.
    /// </summary>
    public static (long Start, long End) FrameworkTiming(CompletedTest test)
    {
        var end = test.EndTime == default ? DateTimeOffset.UtcNow : test.EndTime;
        var window = end - test.StartTime;
        var agrees = WindowIsTheTests(test);
        // A zero duration the platform measured is the test's (xUnit v3 times a failed test so, whatever its window);
        // under vstest, zero is none reported and the window is all there is.
        var unreported = test.Duration <= TimeSpan.Zero && !test.ZeroDurationMeasured;
        var start = agrees || unreported && test.StartTime != default && window >= TimeSpan.Zero ? test.StartTime : end - test.Duration;
        return (ActivitySpanConverter.ToUnixNano(start.UtcDateTime), ActivitySpanConverter.ToUnixNano(end.UtcDateTime));
    }

    /// <summary>
    /// Whether the framework's start and end are the test's own: they agree with its duration. They
    /// are not for MSTest's data rows, which share one window, each row with its own duration; nor
    /// for an instant window with a duration (xUnit rows it cannot serialise), however short.
    /// </summary>
    public static bool WindowIsTheTests(CompletedTest test)
    {
        var window = test.EndTime - test.StartTime;
        return test.StartTime != default && test.EndTime != default && window >= TimeSpan.Zero
            && (window - test.Duration).Duration() <= TimeSpan.FromTicks(test.Duration.Ticks / 10);
    }

    private static string? Capped(string? text) =>
        text is null || text.Length <= MaxOutputLength
            ? text
            : string.Concat(text.AsSpan(0, MaxOutputLength), $"... [{text.Length - MaxOutputLength} more characters]");

    private static void Add(List<SpanAttribute> attributes, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes.Add(new(key, value));
        }
    }
}
