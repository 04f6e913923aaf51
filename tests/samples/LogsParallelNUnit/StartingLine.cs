namespace LogsParallelNUnit;

/// <summary>
/// Holds every test until all of them have started, so that their log lines are written while the
/// others run. A run of fewer cases (a filter) goes on after the wait, unsynchronised.
/// </summary>
internal sealed class StartingLine(int expected)
{
    private readonly TaskCompletionSource allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int started;

    public async Task ArriveAsync(TimeSpan atMost)
    {
        if (Interlocked.Increment(ref started) >= expected)
        {
            allStarted.TrySetResult();
        }

        try
        {
            await allStarted.Task.WaitAsync(atMost);
        }
        catch (TimeoutException)
        {
            // Not every case was started in time: the trace shows how many overlapped.
        }
    }
}
