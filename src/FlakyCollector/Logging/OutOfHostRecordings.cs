using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;

namespace FlakyCollector.Logging;

/// <summary>
/// Joins tests that ran outside vstest's testhost (xUnit v3 runs its tests in a process of its own)
/// with what their own process recorded: the logger opens a channel folder that the test processes
/// inherit, and a result with no recording from the testhost takes the one from the channel.
/// </summary>
internal sealed class OutOfHostRecordings : IDisposable
{
    private readonly RecordingChannelReader reader;
    private readonly RecordingChannelHost host;
    private readonly TimeProvider clock;
    private readonly HashSet<int> testProcesses = [];

    private OutOfHostRecordings(RecordingChannelReader reader, RecordingChannelHost host, TimeProvider clock)
    {
        this.reader = reader;
        this.host = host;
        this.clock = clock;
    }

    /// <summary>Opens the channel for the processes vstest.console starts from now on.</summary>
    public static OutOfHostRecordings Open(IReadOnlyDictionary<string, string> settings, RecordingChannelHost host, TimeProvider clock)
    {
        var folder = Path.Combine(host.Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        host.SetVariable(RecordingChannel.FolderVariable, folder);
        host.SetVariable(RecordingChannel.SourcesVariable, settings.GetValueOrDefault(SettingNames.ActivitySources));
        // Only flakytrace repro's own run settings carry a plan; every other run clears it.
        host.SetVariable(Repro.ReproSettingNames.ReproVariable, settings.GetValueOrDefault(Repro.ReproSettingNames.Repro));
        return new OutOfHostRecordings(new RecordingChannelReader(folder), host, clock);
    }

    /// <summary>The channel's folder; the logger deletes it, and all in it, at the end.</summary>
    public string Folder => reader.Folder;

    /// <summary>What the test processes kept in their journals: unfinished tests and late warnings.</summary>
    public TestHostJournalContents ReadJournals() => TestHostJournal.Read(Folder);

    public CompletedTest Join(CompletedTest test)
    {
        NoteTestProcess(test.Payload);
        if (test.Payload?.TestSpan is not null)
        {
            return test;
        }

        var framework = test.Framework != TestFramework.Unknown ? test.Framework : TestFrameworkDetector.FromExecutorUri(test.ExecutorUri);
        // xUnit files a theory's rows under one key: a row that ran no hook (skipped by its attribute,
        // or its class failed to construct) must not take the next row's line.
        var xunit = framework == TestFramework.XUnit;
        var endedBy = xunit && test.EndTime > DateTimeOffset.UnixEpoch ? ActivitySpanConverter.ToUnixNano(test.EndTime.UtcDateTime) : long.MaxValue;
        var skipped = xunit && test.Outcome is TestOutcome.Skipped or TestOutcome.NotFound or TestOutcome.None;
        var recorded = reader.Take(TestKeys.ForTestCase(framework, test.FullyQualifiedName, test.DisplayName), endedBy, skipped);
        if (recorded is null)
        {
            return test;
        }

        NoteTestProcess(recorded);
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

    /// <summary>Hands the tracer what the test processes recorded after their last test, and reports their last warnings.</summary>
    /// <remarks>
    /// A test process writes its last line when its session ends, which may come after vstest
    /// reports the run complete: wait, within a bound, until every test process seen has written
    /// it or has exited.
    /// </remarks>
    public void FlushWorkAfterLastTests(TestRunTracer tracer, IRunReport report)
    {
        HashSet<int> waiting;
        lock (testProcesses)
        {
            waiting = [.. testProcesses];
        }

        var started = clock.GetTimestamp();
        while (true)
        {
            // Exits first, then the lines: a process that wrote its last line and exited in between
            // is read in this same pass, not given up on with its line unread.
            waiting.RemoveWhere(id => host.HasExited(id));
            var last = waiting.Count == 0 || clock.GetElapsedTime(started) > LateWork.Bound * 2;
            foreach (var (source, execution) in reader.TakeWorkAfterLastTests())
            {
                waiting.Remove(execution.ProcessId);
                foreach (var warning in execution.Warnings)
                {
                    report.Warning(warning);
                }

                tracer.OnWorkAfterLastTest(source, execution.Detached, execution.Logs);
            }

            if (last || waiting.Count == 0)
            {
                break;
            }

            Thread.Sleep(20);
        }

        if (reader.UnreadableLines > 0)
        {
            report.Warning($"{reader.UnreadableLines} line{(reader.UnreadableLines == 1 ? "" : "s")} of the test processes' recordings could not be read; their tests are timed from the framework's events.");
        }
    }

    private void NoteTestProcess(RecordedExecution? execution)
    {
        if (execution is { ProcessId: > 0 })
        {
            lock (testProcesses)
            {
                testProcesses.Add(execution.ProcessId);
            }
        }
    }

    public void Dispose()
    {
        host.SetVariable(RecordingChannel.FolderVariable, null);
        reader.Dispose();
    }
}
