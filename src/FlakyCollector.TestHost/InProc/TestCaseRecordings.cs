using System.Collections.Concurrent;
using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace FlakyCollector.InProc;

/// <summary>
/// The testhost's recorder and what joins its recordings to vstest's test cases: a hook's test
/// activity is matched to its result by key (retries and MSTest rows apart); a test from an
/// assembly without the hook is timed from vstest's own events.
/// </summary>
internal sealed class TestCaseRecordings : IDisposable
{
    private readonly ConcurrentDictionary<Guid, RecordedTest> collectorStarted = new();
    private readonly ActivityRecorder recorder;
    private readonly TestRecordingCorrelation correlation = new();

    public TestCaseRecordings(FlakyTraceSettings settings)
    {
        recorder = new ActivityRecorder(ActivitySourceList.Recorded(settings.ActivitySources), captureLogs: settings.Logs);
        // Each hook recording moves to the correlation as it ends, which matches it to its result.
        recorder.TestEnded += correlation.Ended;
    }

    /// <summary>
    /// Starts the test's activity at vstest's event, for an assembly without the hook: MSTest raises
    /// it on the test's own thread just before the body (the activity flows into the test); xUnit
    /// and NUnit raise it late, from another thread, so their tests get coarse timing and no children.
    /// </summary>
    public void StartFromEvent(TestCase testCase)
    {
        if (recorder.StartTest(testCase.DisplayName) is { } trace)
        {
            collectorStarted[testCase.Id] = trace;
        }
    }

    /// <summary>
    /// The recording of a finished test case; <paramref name="rows"/> are MSTest's data rows that
    /// share it, each under its own result's key.
    /// </summary>
    public RecordedExecution Take(TestCase testCase, string vstestOutcome, out IReadOnlyList<KeyValuePair<string, RecordedExecution>> rows)
    {
        rows = [];
        var fixtureLinks = recorder.FixtureLinksServing(TestCaseNaming.SuiteName(testCase.FullyQualifiedName));
        if (collectorStarted.TryRemove(testCase.Id, out var started))
        {
            return ExecutionRecording.From([recorder.FinishTest(started)], "collector", recorder.Detached.Drain(), fixtureLinks: fixtureLinks);
        }

        var framework = TestFrameworkDetector.FromExecutorUri(testCase.ExecutorUri);
        var key = TestKeys.ForTestCase(framework, testCase.FullyQualifiedName, testCase.DisplayName);
        var taken = correlation.TakeFor(framework, key, isWholeMethod: !testCase.DisplayName.EndsWith(')'), vstestOutcome);
        var payload = correlation.Recording(taken, "hook", recorder.Detached.Drain(), fixtureLinks);
        if (framework == TestFramework.MSTest)
        {
            var sharedRows = correlation.TakeRows(key);
            if (sharedRows.Count > 0)
            {
                rows = sharedRows.Select(r => KeyValuePair.Create(r.Key, correlation.Recording([r.Value], "hook", []))).ToList();
            }
        }

        return payload;
    }

    /// <summary>Work that ended after the last result: late work of the last tests (waited for, within a bound) and work outside tests.</summary>
    public IReadOnlyList<SpanData> WorkAfterLastTest()
    {
        recorder.WaitForLateWork(LateWork.Bound);
        return recorder.Detached.Drain();
    }

    /// <summary>Log records of the last tests' traces written after their results, once <see cref="WorkAfterLastTest"/> waited for that work.</summary>
    public IReadOnlyList<LogRecordData> LateLogs() => recorder.LateLogs.Drain();

    public void Dispose() => recorder.Dispose();
}
