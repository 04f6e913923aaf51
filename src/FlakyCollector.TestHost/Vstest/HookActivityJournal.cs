using System.Diagnostics;
using FlakyCollector.Recording;

namespace FlakyCollector.Vstest;

/// <summary>
/// Journals the hooks' test activities as they start and stop. vstest raises its test case start
/// for xUnit and NUnit up to ~100 ms after the test began, so a test that crashes the process at
/// once may have no start in the journal from vstest; the hook's own start, on the test's thread, is
/// always first. Its name is the hook's key (class + method, or NUnit's full name).
/// </summary>
internal sealed class HookActivityJournal : IDisposable
{
    /// <summary>Prefix of the journal ids of hook entries, which tells them from vstest's test case ids.</summary>
    public const string IdPrefix = "hook:";

    private readonly TestHostJournal journal;
    private readonly string source;
    private readonly ActivityListener listener;

    public HookActivityJournal(TestHostJournal journal, string? source)
    {
        this.journal = journal;
        this.source = source ?? string.Empty;
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TestActivityNames.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = Started,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose() => listener.Dispose();

    // Both run on the test's own thread: a journal that cannot be written must not fail the test.
    private void Started(Activity activity)
    {
        try
        {
            journal.Started(new StartedTest(
                IdPrefix + activity.SpanId.ToHexString(), activity.OperationName, activity.OperationName, source, null,
                activity.StartTimeUtc, Environment.ProcessId));
        }
        catch (Exception)
        {
        }
    }

    private void Stopped(Activity activity)
    {
        try
        {
            journal.Ended(IdPrefix + activity.SpanId.ToHexString());
        }
        catch (Exception)
        {
        }
    }
}
