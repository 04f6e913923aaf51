using System.Collections.Concurrent;
using FlakyCollector.Configuration;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace FlakyCollector.InProc;

/// <summary>
/// What FlakyTrace does inside the test process under VSTest, behind <see cref="FlakyTraceInProcCollector"/>:
/// it wires vstest's events to the recorder and sends each test's recording along with its result.
/// vstest swallows exceptions thrown here, so none may escape unreported.
/// </summary>
internal sealed class InProcSession
{
    private readonly ConcurrentDictionary<Guid, RecordedTest> collectorStarted = new();
    private readonly HookPresence hooks = new();
    private readonly ConcurrentQueue<string> warnings = new();
    private IDataCollectionSink? sink;
    private ActivityRecorder? recorder;
    private string? lastSource;
    private TestHostJournal? journal;
    private HookActivityJournal? hookJournal;
    private RecordingChannelWriter? rows;
    private TestRecordingCorrelation? correlation;
    private FlakyCollector.Repro.ReproInjector? injector;

    public void Initialize(IDataCollectionSink dataCollectionSink) => sink = dataCollectionSink;

    public void TestSessionStart(TestSessionStartArgs testSessionStartArgs)
    {
        Guard(() =>
        {
            var configuration = ConfigurationXml.Values(testSessionStartArgs.Configuration);
            var settings = TraceSession.ReadSettings(configuration, Environment.GetEnvironmentVariable, report: null);
            if (settings is not null)
            {
                var started = new ActivityRecorder(ActivitySourceList.Recorded(settings.ActivitySources), captureLogs: settings.Logs);
                var matching = new TestRecordingCorrelation();
                // Each hook recording moves to the correlation as it ends, which matches it to its result.
                started.TestEnded += key => matching.Ended(key, started.TakeEnded(key, withRetries: true));
                correlation = matching;
                recorder = started;
                injector = FlakyCollector.Repro.ReproInjector.Start(configuration.GetValueOrDefault(FlakyCollector.Repro.ReproSettingNames.Repro), warnings.Enqueue);
                journal = TestHostJournal.Open(Environment.GetEnvironmentVariable);
                rows = RecordingChannelWriter.Open(Environment.GetEnvironmentVariable);
                if (journal is not null)
                {
                    hookJournal = new HookActivityJournal(journal, TestSources(testSessionStartArgs).FirstOrDefault());
                }
            }
        });
    }

    public void TestCaseStart(TestCaseStartArgs testCaseStartArgs)
    {
        Guard(() =>
        {
            var testCase = testCaseStartArgs.TestCase;
            if (recorder is null || testCase is null)
            {
                return;
            }

            // Kept outside the process, so that a test that crashes it or hangs still gets its span.
            journal?.Started(new StartedTest(testCase.Id.ToString("N"), testCase.FullyQualifiedName, testCase.DisplayName, testCase.Source,
                testCase.ExecutorUri, DateTimeOffset.UtcNow, Environment.ProcessId));

            // Tests are timed by the hook compiled into the test assembly, when present. Without it,
            // this event is the best there is: MSTest raises it on the test's own thread just before
            // the body (an activity started here flows into the test); xUnit and NUnit raise it late,
            // from another thread, so their tests get coarse timing and no children.
            if (!hooks.IsCompiledInto(testCase.Source))
            {
                var trace = recorder.StartTest(testCase.DisplayName);
                if (trace is not null)
                {
                    collectorStarted[testCase.Id] = trace;
                }
            }
        });
    }

    public void TestCaseEnd(TestCaseEndArgs testCaseEndArgs)
    {
        Guard(() =>
        {
            var context = testCaseEndArgs.DataCollectionContext;
            if (recorder is null || correlation is null || sink is null || context?.TestCase is not { } testCase)
            {
                return;
            }

            lastSource = testCase.Source;
            journal?.Ended(testCase.Id.ToString("N"));
            RecordedExecution payload;
            if (collectorStarted.TryRemove(testCase.Id, out var started))
            {
                payload = ExecutionRecording.From([recorder.FinishTest(started)], "collector", recorder.Detached.Drain());
            }
            else
            {
                var framework = TestFrameworkDetector.FromExecutorUri(testCase.ExecutorUri);
                var key = TestKeys.ForTestCase(framework, testCase.FullyQualifiedName, testCase.DisplayName);
                var taken = correlation.TakeFor(framework, key, isWholeMethod: !testCase.DisplayName.EndsWith(')'), testCaseEndArgs.TestOutcome.ToString());
                payload = correlation.Recording(taken, "hook", recorder.Detached.Drain());
                if (framework == TestFramework.MSTest)
                {
                    SendRows(correlation.TakeRows(key));
                }
            }

            payload = payload with { Warnings = DrainWarnings() };
            sink.SendData(context, ExecutionPayloadJson.PropertyKey, ExecutionPayloadJson.Write(payload));
        });
    }

    public void TestSessionEnd(TestSessionEndArgs testSessionEndArgs)
    {
        Guard(() =>
        {
            SendWorkAfterLastTest();
            injector?.Dispose();
            injector = null;
            recorder?.Dispose();
            recorder = null;

            // Warnings after the last result have no result to travel with: the journal carries them.
            foreach (var warning in DrainWarnings())
            {
                journal?.Warning(warning);
            }

            hookJournal?.Dispose();
            hookJournal = null;
            rows?.Dispose();
            rows = null;
            journal?.Dispose();
            journal = null;
        });
    }

    // Results are the only way to vstest.console, and the last one has gone: what ended after it
    // (late work of the last tests, and this collector's last warnings) goes through the channel
    // folder the logger named, within a small bound.
    private void SendWorkAfterLastTest()
    {
        if (recorder is null || rows is null || lastSource is null)
        {
            return;
        }

        recorder.WaitForLateWork(LateWork.Bound);
        var execution = new RecordedExecution { ProcessId = Environment.ProcessId, Detached = recorder.Detached.Drain(), Warnings = DrainWarnings() };
        rows.Write(RecordingChannel.AfterLastTestKey(lastSource), execution);
    }

    // Rows that share one test case reach the logger through the channel, each under its own result's key.
    private void SendRows(IReadOnlyList<KeyValuePair<string, RecordedTest>> taken)
    {
        foreach (var (key, trace) in taken)
        {
            rows?.Write(key, correlation!.Recording([trace], "hook", []));
        }
    }

    private static IEnumerable<string> TestSources(TestSessionStartArgs args) =>
        args.GetPropertyValue<IEnumerable<string>>("TestSources") ?? [];

    private IReadOnlyList<string> DrainWarnings()
    {
        var drained = new List<string>();
        while (warnings.TryDequeue(out var warning))
        {
            drained.Add(warning);
        }

        return drained;
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // Reported through the next test result, by the logger in vstest.console.
            warnings.Enqueue($"the collector failed in the test process: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
