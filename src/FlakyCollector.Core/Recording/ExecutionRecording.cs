using System.Runtime.InteropServices;

namespace FlakyCollector.Recording;

/// <summary>
/// Turns the test activities a recorder ended under one key into the <see cref="RecordedExecution"/>
/// every front end hands on: the last one is the reported execution, earlier ones are attempts the
/// framework retried without reporting them.
/// </summary>
public static class ExecutionRecording
{
    private static readonly string Runtime = RuntimeInformation.FrameworkDescription;

    public static RecordedExecution From(IReadOnlyList<RecordedTest> ended, string timing, IReadOnlyList<Spans.SpanData> detached, string? exceptionType = null)
    {
        var trace = ended.Count > 0 ? ended[^1] : null;
        var previous = ended.Take(Math.Max(0, ended.Count - 1)).ToList();
        return new RecordedExecution
        {
            TestSpan = trace is null ? null : ActivitySpanConverter.Convert(trace.Activity),
            Timing = trace is null ? "none" : timing,
            ExceptionType = trace?.LastExceptionType ?? exceptionType,
            ProcessId = Environment.ProcessId,
            Runtime = Runtime,
            PreviousAttempts = previous.Select(p => ActivitySpanConverter.Convert(p.Activity)).ToList(),
            Children = previous.SelectMany(p => p.TakeChildren()).Concat(trace?.TakeChildren() ?? []).ToList(),
            Detached = detached,
        };
    }
}
