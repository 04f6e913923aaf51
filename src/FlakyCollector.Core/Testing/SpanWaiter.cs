namespace FlakyCollector.Testing;

/// <summary>One pending <see cref="TestTrace.WaitForSpanAsync"/>: the condition and the task it completes.</summary>
internal sealed class SpanWaiter(Func<RecordedSpan, bool> match)
{
    // Continuations run off the listener's callback, which is the code path of whoever ended the span.
    private readonly TaskCompletionSource<RecordedSpan> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<RecordedSpan> Task => completion.Task;

    /// <summary>Whether the span ends the wait. A condition that throws ends it too, with its exception.</summary>
    public bool TryComplete(RecordedSpan span)
    {
        try
        {
            return match(span) && completion.TrySetResult(span);
        }
        catch (Exception exception)
        {
            completion.TrySetException(exception);
            return true;
        }
    }
}
