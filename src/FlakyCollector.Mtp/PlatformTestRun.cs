using System.Runtime.CompilerServices;
using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp;

/// <summary>
/// One traced test session inside a Microsoft.Testing.Platform application: the recorder listens
/// in this very process, and each finished test node is joined with the activity its hook recorded
/// and handed to the core, which writes and exports it.
/// </summary>
internal sealed class PlatformTestRun : IDisposable
{
    private readonly ActivityRecorder recorder;
    private readonly TestRunTracer tracer;
    private readonly string source;
    private readonly TestFramework framework;
    private readonly TimeProvider clock;
    private readonly RunningTestNodes running = new();
    // The form of hook key (TestNodeReader.HookKey) that found the last test's recording.
    private int keyForm;

    public PlatformTestRun(TestRunTracer tracer, PlatformTestApplication application, TimeProvider? clock = null)
    {
        (source, framework) = (application.Source, application.Framework);
        this.clock = clock ?? TimeProvider.System;
        recorder = new ActivityRecorder(ActivitySourceList.Recorded(tracer.Settings.ActivitySources), captureLogs: tracer.Settings.Logs);
        this.tracer = tracer;
    }

    public string? FilePath => tracer.FilePath;

    /// <summary>
    /// The run id: <c>dotnet test</c> gives the test applications it starts an execution id; a test
    /// application run on its own gets an id of its own.
    /// </summary>
    public static Func<FlakyTraceSettings, FlakyTraceSettings> Defaults(Func<string, string?> environment) =>
        settings => settings with
        {
            TestRunId = settings.TestRunId
                ?? (Guid.TryParse(environment(SettingNames.EnvPlatformExecutionId), out var execution) ? execution.ToString() : Guid.NewGuid().ToString()),
        };

    /// <summary>The platform says a test is in progress: if the session stops before its end, the test still gets a span.</summary>
    public void OnTestStarted(TestNode node) => running.Started(node, clock.GetUtcNow());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnTestFinished(TestNode node, TestNodeStateProperty state)
    {
        running.Finished(node);
        tracer.OnTestCompleted(Read(node, state, TestNodeReader.ExceptionType(state)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CompletedTest Read(TestNode node, TestNodeStateProperty state, string? exceptionType)
    {
        var properties = TestNodeProperties.Of(node);
        var fullName = TestNodeReader.FullyQualifiedName(node, properties.Method);
        var ended = TakeEnded(node, properties.Method, fullName, AttemptsOf(state), EndOf(properties));
        var suite = TestCaseNaming.SuiteName(fullName);
        var recording = ExecutionRecording.From(ended, "hook", recorder.Detached.Drain(), exceptionType,
            fixtureLinks: recorder.FixtureLinksServing(suite));
        return TestNodeReader.Read(node, properties, fullName, state, source, framework, recording);
    }

    /// <summary>
    /// The recordings the hook filed for this test under the first of its keys that has any. A
    /// framework's hook files every test under the same form of key, so the form that found the
    /// last test's is tried first: nearly every test then costs one lookup and no key it does not use.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IReadOnlyList<RecordedTest> TakeEnded(TestNode node, TestMethodIdentifierProperty? method, string fullName, string? outcome, DateTime? testEnded)
    {
        var first = keyForm;
        for (var i = 0; i < TestNodeReader.HookKeyForms; i++)
        {
            var form = (first + i) % TestNodeReader.HookKeyForms;
            if (TestNodeReader.HookKey(node, method, fullName, form) is not { } key)
            {
                continue;
            }

            var ended = recorder.TakeEnded(key, outcome, testEnded);
            if (ended.Count > 0)
            {
                keyForm = form;
                return ended;
            }
        }

        return [];
    }

    /// <summary>
    /// The outcome a test's attempts are chosen by, where its key names one test case (NUnit,
    /// MSTest, TUnit); null for xUnit, whose key is shared by a theory's rows, each run once.
    /// </summary>
    private string? AttemptsOf(TestNodeStateProperty state) =>
        framework == TestFramework.XUnit ? null : TestNodeReader.Outcome(state).ToString();

    /// <summary>
    /// When the test ended, where the platform says: a recording that started later is a later
    /// test's of the same key, filed before the platform handed this one over. A theory row that ran
    /// no hook (skipped, or its class failed to construct) must not take the next row's; an NUnit
    /// case or MSTest row must not take a same-named case's as its retry.
    /// </summary>
    private static DateTime? EndOf(in TestNodeProperties properties) =>
        properties.Timing is { } timing ? timing.GlobalTiming.EndTime.UtcDateTime : null;

    /// <summary>
    /// Ends the run. Where it is <paramref name="stopped"/> before its end (cancelled, out of time,
    /// its process told to end), the tests still running are ended as they stand: each gets a failed
    /// span with what it caused so far, and nothing waits for late work.
    /// </summary>
    public void Complete(bool stopped = false)
    {
        // A platform that ends a session it cancelled still owes the tests it left running.
        var owed = running.TakeAll();
        var unfinished = stopped || owed.Count > 0 ? recorder.StopRunningTests() : 0;
        foreach (var (node, started) in owed)
        {
            var test = Read(node, StoppedState, StoppedExceptionType);
            var now = clock.GetUtcNow();
            tracer.OnTestCompleted(test.ZeroDurationMeasured ? test : test with { StartTime = started, EndTime = now, Duration = now - started });
        }

        recorder.WaitForLateWork(stopped ? TimeSpan.Zero : LateWork.Bound);
        tracer.OnWorkAfterLastTest(source, recorder.Detached.Drain(), recorder.LateLogs.Drain());
        recorder.Dispose();
        tracer.Complete(aborted: stopped || owed.Count > 0 || unfinished > 0, StoppedCause);
    }

    /// <summary>The exception type of a test the session's stop cut short, beside vstest's <c>hang_timeout</c> and <c>test_process_crash</c>.</summary>
    public const string StoppedExceptionType = "test_session_stopped";

    public const string StoppedMessage = "the test session stopped before its end (cancelled, out of time, or its process told to end) while the test was running: it has no result";

    private const string StoppedCause = "the test session was cancelled, ran out of time, or its process was told to end";

    private static readonly FailedTestNodeStateProperty StoppedState = new(StoppedMessage);

    public void Dispose()
    {
        recorder.Dispose();
        tracer.Dispose();
    }
}
