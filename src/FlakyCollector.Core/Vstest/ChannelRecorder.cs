using FlakyCollector.Configuration;
using FlakyCollector.Recording;


namespace FlakyCollector.Vstest;

/// <summary>
/// The recorder of a test process that vstest's testhost does not host (xUnit v3 under VSTest),
/// started by the hook compiled into the test assembly when the FlakyTrace logger named a channel
/// folder. Each test's recording is appended to this process's channel file the moment its hook
/// activity stops, before the framework reports the result.
/// </summary>
internal static class ChannelRecorder
{
    private static readonly object Gate = new();
    private static ActivityRecorder? recorder;
    private static RecordingChannelWriter? file;

    /// <summary>Starts recording if the FlakyTrace logger asked for it; otherwise, and on a second call, does nothing.</summary>
    public static void StartFromEnvironment()
    {
        try
        {
            lock (Gate)
            {
                if (recorder is not null || RecordingChannelWriter.Open(Environment.GetEnvironmentVariable) is not { } writer)
                {
                    return;
                }

                file = writer;
                recorder = new ActivityRecorder(ActivitySourceList.Recorded(ActivitySourceList.Parse(Environment.GetEnvironmentVariable(RecordingChannel.SourcesVariable))));
                recorder.TestEnded += Write;
                // Lives as long as the process, like the recorder: its listeners keep it.
                _ = Repro.ReproInjector.Start(Environment.GetEnvironmentVariable(Repro.ReproSettingNames.ReproVariable), _ => { });
                AppDomain.CurrentDomain.ProcessExit += (_, _) => WriteWorkAfterLastTest();
            }
        }
        catch (Exception)
        {
            // The tests must run whatever happens here; the logger says which ones it got no recording for.
        }
    }

    private static void WriteWorkAfterLastTest()
    {
        try
        {
            var source = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (recorder is null || file is null || string.IsNullOrEmpty(source))
            {
                return;
            }

            recorder.WaitForLateWork(LateWork.Bound);
            lock (Gate)
            {
                var execution = new RecordedExecution { ProcessId = Environment.ProcessId, Detached = recorder.Detached.Drain(), Logs = recorder.LateLogs.Drain() };
                file.Write(RecordingChannel.AfterLastTestKey(source), execution);
            }
        }
        catch (Exception)
        {
            // The process is ending; nothing may stop it.
        }
    }

    private static void Write(string key, RecordedTest test)
    {
        try
        {
            lock (Gate)
            {
                if (recorder is null || file is null)
                {
                    return;
                }

                // The key is the test's fully qualified name (xUnit v3 is the only framework recorded this way).
                var execution = ExecutionRecording.From([test], "hook", recorder.Detached.Drain(),
                    fixtureLinks: recorder.FixtureLinksServing(Tracing.TestCaseNaming.SuiteName(key)));
                file.Write(key, execution);
            }
        }
        catch (Exception)
        {
            // Runs on the test's own path: never throw into it.
        }
    }
}
