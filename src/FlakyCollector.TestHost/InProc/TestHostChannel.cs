using FlakyCollector.Recording;
using FlakyCollector.Vstest;

namespace FlakyCollector.InProc;

/// <summary>
/// What the testhost sends to vstest.console other than with a test result, through the channel
/// folder the logger named: the journal (tests started and not ended, so that a crash or a hang
/// still gets a span; warnings after the last result), and recordings that have no result of
/// their own (MSTest's rows, work after the last test). Where the logger named no folder, nothing.
/// </summary>
internal sealed class TestHostChannel : IDisposable
{
    private readonly TestHostJournal? journal;
    private readonly HookActivityJournal? hookJournal;
    private readonly RecordingChannelWriter? rows;

    public TestHostChannel(Func<string, string?> environment, string? firstSource)
    {
        journal = TestHostJournal.Open(environment);
        rows = RecordingChannelWriter.Open(environment);
        if (journal is not null)
        {
            hookJournal = new HookActivityJournal(journal, firstSource);
        }
    }

    public void Started(StartedTest test) => journal?.Started(test);

    public void Ended(string id) => journal?.Ended(id);

    public void Warning(string text) => journal?.Warning(text);

    /// <summary>Whether recordings can travel here at all (the logger named a folder).</summary>
    public bool CarriesRecordings => rows is not null;

    public void Write(string key, RecordedExecution execution) => rows?.Write(key, execution);

    public void Dispose()
    {
        hookJournal?.Dispose();
        rows?.Dispose();
        journal?.Dispose();
    }
}
