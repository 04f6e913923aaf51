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

    public PlatformTestRun(TestRunTracer tracer, PlatformTestApplication application)
    {
        (source, framework) = (application.Source, application.Framework);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnTestFinished(TestNode node, TestNodeStateProperty state)
    {
        IReadOnlyList<RecordedTest> ended = [];
        foreach (var key in TestNodeReader.HookKeys(node))
        {
            ended = recorder.TakeEnded(key, withRetries: framework != TestFramework.XUnit);
            if (ended.Count > 0)
            {
                break;
            }
        }

        var suite = TestCaseNaming.SuiteName(TestNodeReader.FullyQualifiedName(node));
        var recording = ExecutionRecording.From(ended, "hook", recorder.Detached.Drain(), TestNodeReader.ExceptionType(state),
            fixtureLinks: recorder.FixtureLinksServing(suite));
        tracer.OnTestCompleted(TestNodeReader.Read(node, state, source, framework, recording));
    }

    public void Complete()
    {
        recorder.WaitForLateWork(LateWork.Bound);
        tracer.OnWorkAfterLastTest(source, recorder.Detached.Drain(), recorder.LateLogs.Drain());
        recorder.Dispose();
        tracer.Complete(aborted: false);
    }

    public void Dispose()
    {
        recorder.Dispose();
        tracer.Dispose();
    }
}
