using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlakyCollector.Recording;

/// <summary>
/// Turns the test activities a recorder ended under one key into the <see cref="RecordedExecution"/>
/// every front end hands on: the last one is the reported execution, earlier ones are attempts the
/// framework retried without reporting them. A test keeps at most <c>maxChildren</c> children:
/// the rest are dropped and counted on its span, whichever front end recorded it.
/// </summary>
internal static class ExecutionRecording
{
    public const int DefaultMaxChildren = 1_000;

    /// <summary>Attribute on the test span: how many of its children were dropped beyond the cap.</summary>
    public const string DroppedChildrenAttribute = Tracing.TestAttributeNames.ChildrenDropped;

    private static readonly string Runtime = RuntimeInformation.FrameworkDescription;

    /// <param name="fixtureLinks">Links to the fixture work that served the test's class, put on its recorded span.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RecordedExecution From(IReadOnlyList<RecordedTest> ended, string timing, IReadOnlyList<Spans.SpanData> detached,
        string? exceptionType = null, int maxChildren = DefaultMaxChildren, IReadOnlyList<Spans.SpanLinkData>? fixtureLinks = null)
    {
        var trace = ended.Count > 0 ? ended[^1] : null;
        // Nearly every test ran once: no list or iterator for attempts it does not have.
        IReadOnlyList<RecordedTest> previous = ended.Count > 1 ? ended.Take(ended.Count - 1).ToList() : [];
        var (logs, droppedLogs) = trace?.TakeLogs() ?? ([], 0);
        var testSpan = trace is null ? null : ActivitySpanConverter.Convert(trace.Stopped);
        if (testSpan is not null && fixtureLinks is { Count: > 0 })
        {
            testSpan = testSpan with { Links = [.. testSpan.Links, .. fixtureLinks] };
        }

        if (testSpan is not null && droppedLogs > 0)
        {
            testSpan = testSpan with { Attributes = [.. testSpan.Attributes, new(Logs.LogNames.DroppedAttribute, (long)droppedLogs)] };
        }

        return Capped(new RecordedExecution
        {
            TestSpan = testSpan,
            Logs = trace is null || trace.LateLogs.Count == 0 ? logs : [.. logs, .. trace.LateLogs],
            Timing = trace is null ? "none" : timing,
            ExceptionType = exceptionType,
            Exceptions = trace?.Exceptions ?? [],
            ProcessId = Environment.ProcessId,
            Runtime = Runtime,
            PreviousAttempts = previous.Count == 0 ? [] : previous.Select(p => ActivitySpanConverter.Convert(p.Stopped)).ToList(),
            Children = previous.Count == 0 ? trace?.TakeChildren() ?? [] : previous.SelectMany(p => p.TakeChildren()).Concat(trace?.TakeChildren() ?? []).ToList(),
            Detached = detached,
        }, maxChildren);
    }

    private static RecordedExecution Capped(RecordedExecution recording, int maxChildren)
    {
        var dropped = recording.Children.Count - maxChildren;
        if (dropped <= 0 || recording.TestSpan is null)
        {
            return recording;
        }

        return recording with
        {
            Children = recording.Children.Take(maxChildren).ToList(),
            TestSpan = recording.TestSpan with { Attributes = [.. recording.TestSpan.Attributes, new(DroppedChildrenAttribute, (long)dropped)] },
            Warnings = [.. recording.Warnings, $"tests that caused more than {maxChildren} spans keep the first {maxChildren}; the attribute {DroppedChildrenAttribute} on a test's span says how many were dropped"],
        };
    }
}
