using System.Collections.Concurrent;
using FlakyCollector.Configuration;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.InProcDataCollector;
using VstestOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;

namespace FlakyCollector.InProc;

/// <summary>
/// What FlakyTrace does inside the test process under VSTest, behind <see cref="FlakyTraceInProcCollector"/>:
/// it wires vstest's events to <see cref="TestCaseRecordings"/> and sends each test's recording
/// along with its result, or through <see cref="TestHostChannel"/> where there is no result.
/// vstest swallows exceptions thrown here, so none may escape unreported. Its inputs are narrow (the
/// sink, the environment, a clock), so its logic is tested without a testhost.
/// </summary>
internal sealed class InProcSession(Func<string, string?> environment, TimeProvider clock)
{
    private readonly HookPresence hooks = new();
    private readonly ConcurrentQueue<string> warnings = new();
    private IDataCollectionSink? sink;
    private TestCaseRecordings? recordings;
    private TestHostChannel? channel;
    private string? lastSource;
    // The session's own test assembly: where no test ended (every test of a class whose one-time
    // set-up failed), the set-up's work still has a source to travel under.
    private string? sessionSource;
    private FlakyCollector.Repro.ReproInjector? injector;

    public InProcSession()
        : this(Environment.GetEnvironmentVariable, TimeProvider.System)
    {
    }

    public void Initialize(IDataCollectionSink dataCollectionSink) => sink = dataCollectionSink;

    public void TestSessionStart(TestSessionStartArgs testSessionStartArgs)
    {
        Guard(() =>
        {
            // The logger in vstest.console reads the same configuration and reports what is wrong with it.
            var configuration = ConfigurationXml.Values(testSessionStartArgs.Configuration);
            var settings = TraceSession.ReadSettings(configuration, environment, report: null);
            if (settings is not null)
            {
                recordings = new TestCaseRecordings(settings);
                // Only a run that flakytrace repro started carries a plan; without one nothing is injected.
                injector = FlakyCollector.Repro.ReproInjector.Start(configuration.GetValueOrDefault(FlakyCollector.Repro.ReproSettingNames.Repro), warnings.Enqueue);
                sessionSource = TestSources(testSessionStartArgs).FirstOrDefault();
                channel = new TestHostChannel(environment, sessionSource);
            }
        });
    }

    // Raised twice for every test: the guard takes a static callback and its argument, so no closure is made.
    public void TestCaseStart(TestCaseStartArgs testCaseStartArgs) => Guard(testCaseStartArgs, static (session, args) => session.OnTestCaseStart(args));

    public void TestCaseEnd(TestCaseEndArgs testCaseEndArgs) => Guard(testCaseEndArgs, static (session, args) => session.OnTestCaseEnd(args));

    public void TestSessionEnd(TestSessionEndArgs testSessionEndArgs)
    {
        Guard(() =>
        {
            // Results are the only way to vstest.console, and the last one has gone: what ended after
            // it goes through the channel folder the logger named.
            if (recordings is not null && channel is { CarriesRecordings: true } && (lastSource ?? sessionSource) is { } source)
            {
                var execution = new RecordedExecution { ProcessId = Environment.ProcessId, Detached = recordings.WorkAfterLastTest(), Logs = recordings.LateLogs(), Warnings = DrainWarnings() };
                channel.Write(RecordingChannel.AfterLastTestKey(source), execution);
            }

            injector?.Dispose();
            injector = null;
            recordings?.Dispose();
            recordings = null;

            // Warnings after the last result have no result to travel with: the journal carries them.
            foreach (var warning in DrainWarnings())
            {
                channel?.Warning(warning);
            }

            channel?.Dispose();
            channel = null;
        });
    }

    // vstest sets TestSources; a missing property costs the hook journal its source, not the journal.
    private static IEnumerable<string> TestSources(TestSessionStartArgs args)
    {
        try
        {
            return args.GetPropertyValue<IEnumerable<string>>("TestSources") ?? [];
        }
        catch (Exception ex) when (ex is KeyNotFoundException or NullReferenceException or InvalidCastException)
        {
            return [];
        }
    }

    private IReadOnlyList<string> DrainWarnings()
    {
        var drained = new List<string>();
        while (warnings.TryDequeue(out var warning))
        {
            drained.Add(warning);
        }

        return drained;
    }

    private void OnTestCaseStart(TestCaseStartArgs testCaseStartArgs)
    {
        var testCase = testCaseStartArgs.TestCase;
        if (recordings is null || testCase is null)
        {
            return;
        }

        // Kept outside the process, so that a test that crashes it or hangs still gets its span.
        channel?.Started(new StartedTest(testCase.Id.ToString("N"), testCase.FullyQualifiedName, testCase.DisplayName, testCase.Source,
            testCase.ExecutorUri, clock.GetUtcNow(), Environment.ProcessId));

        // Tests are timed by the hook compiled into the test assembly, when present.
        if (!hooks.IsCompiledInto(testCase.Source))
        {
            recordings.StartFromEvent(testCase);
        }
    }

    private void OnTestCaseEnd(TestCaseEndArgs testCaseEndArgs)
    {
        var context = testCaseEndArgs.DataCollectionContext;
        if (recordings is null || sink is null || context?.TestCase is not { } testCase)
        {
            return;
        }

        lastSource = testCase.Source;
        channel?.Ended(testCase.Id.ToString("N"));
        var payload = recordings.Take(testCase, OutcomeName(testCaseEndArgs.TestOutcome), out var rows);
        foreach (var (key, row) in rows)
        {
            channel?.Write(key, row);
        }

        // Most results carry no warning: the recording goes as it is.
        if (!warnings.IsEmpty)
        {
            payload = payload with { Warnings = [.. payload.Warnings, .. DrainWarnings()] };
        }

        sink.SendData(context, ExecutionPayloadJson.PropertyKey, ExecutionPayloadJson.Write(payload));
    }

    // The outcome's name, as Enum.ToString gives it, without making it for every test.
    private static string OutcomeName(VstestOutcome outcome) => outcome switch
    {
        VstestOutcome.Passed => nameof(VstestOutcome.Passed),
        VstestOutcome.Failed => nameof(VstestOutcome.Failed),
        VstestOutcome.Skipped => nameof(VstestOutcome.Skipped),
        VstestOutcome.NotFound => nameof(VstestOutcome.NotFound),
        VstestOutcome.None => nameof(VstestOutcome.None),
        _ => outcome.ToString(),
    };

    private void Guard(Action action) => Guard(action, static (_, a) => a());

    private void Guard<TArgument>(TArgument argument, Action<InProcSession, TArgument> action)
    {
        try
        {
            action(this, argument);
        }
        catch (Exception ex)
        {
            // Reported through the next test result, by the logger in vstest.console.
            warnings.Enqueue($"the collector failed in the test process: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
