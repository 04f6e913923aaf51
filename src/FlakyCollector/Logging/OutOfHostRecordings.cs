using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Logging;

/// <summary>
/// Joins tests that ran outside vstest's testhost (xUnit v3 runs its tests in a process of its own)
/// with what their own process recorded: the logger opens a channel folder that the test processes
/// inherit, and a result with no recording from the testhost takes the one from the channel.
/// </summary>
public sealed class OutOfHostRecordings : IDisposable
{
    private readonly RecordingChannelReader reader;

    private OutOfHostRecordings(RecordingChannelReader reader) => this.reader = reader;

    /// <summary>Opens the channel for the processes vstest.console starts from now on.</summary>
    public static OutOfHostRecordings Open(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flakytrace-channel", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable(RecordingChannel.FolderVariable, folder);
        Environment.SetEnvironmentVariable(RecordingChannel.SourcesVariable, settings.GetValueOrDefault(SettingNames.ActivitySources));
        return new OutOfHostRecordings(new RecordingChannelReader(folder));
    }

    /// <summary>What the test processes kept in their journals: unfinished tests and late warnings.</summary>
    public TestHostJournalContents ReadJournals() => TestHostJournal.Read(reader.Folder);

    public CompletedTest Join(CompletedTest test)
    {
        if (test.Payload?.TestSpan is not null)
        {
            return test;
        }

        var framework = test.Framework != TestFramework.Unknown ? test.Framework : TestFrameworkDetector.FromExecutorUri(test.ExecutorUri);
        var recorded = reader.Take(TestKeys.ForTestCase(framework, test.FullyQualifiedName, test.DisplayName));
        if (recorded is null)
        {
            return test;
        }

        // What the testhost knew (work outside tests, its warnings) stays with the result.
        return test with
        {
            Payload = recorded with
            {
                Detached = [.. test.Payload?.Detached ?? [], .. recorded.Detached],
                Warnings = test.Payload?.Warnings ?? [],
            },
        };
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(RecordingChannel.FolderVariable, null);
        reader.Dispose();
    }
}
