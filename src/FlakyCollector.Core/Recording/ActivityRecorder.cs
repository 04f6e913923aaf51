using System.Collections.Concurrent;
using System.Diagnostics;

namespace FlakyCollector.Recording;

/// <summary>
/// Listens to the test source and the configured ActivitySources in the test process and sorts
/// every stopped activity into the trace of the test that caused it, by trace id. Test activities
/// come from the assembly-level hooks (matched later by key) or from <see cref="StartTest"/>.
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    private static readonly ActivitySource CollectorSource = new(TestActivityNames.SourceName);

    private readonly ConcurrentDictionary<ActivityTraceId, TestTrace> live = new();
    // Guarded by itself. An entry lives only while a test's recording waits to be taken: one per
    // test key for the whole run would hold ~1 KB for each of 100,000 tests.
    private readonly Dictionary<string, Queue<TestTrace>> endedByKey = new(StringComparer.Ordinal);
    private readonly ActivityListener listener;
    private readonly AspNetCoreRequestTags? aspNetCoreTags;

    public ActivityRecorder(SourceFilter filter, int detachedCapacity = 10_000)
    {
        Detached = new DetachedSpans(detachedCapacity);
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TestActivityNames.SourceName or TestActivityNames.TUnitSourceName || filter.Matches(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = OnStarted,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(listener);
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
        if (filter.Matches("Microsoft.AspNetCore"))
        {
            aspNetCoreTags = new AspNetCoreRequestTags();
        }
    }

    public DetachedSpans Detached { get; }

    /// <summary>Starts a test activity as the root of a new trace, on the caller's execution context.</summary>
    public TestTrace? StartTest(string name)
    {
        // A test is the root of its own trace, whatever the previous test left current on this thread.
        Activity.Current = null;
        var activity = CollectorSource.StartActivity(name, ActivityKind.Internal);
        return activity is null ? null : live.GetValueOrDefault(activity.TraceId);
    }

    /// <summary>Stops a test started by <see cref="StartTest"/> and hands over its trace.</summary>
    public TestTrace FinishTest(TestTrace trace)
    {
        trace.Activity.Stop();
        live.TryRemove(trace.Activity.TraceId, out _);
        return trace;
    }

    /// <summary>
    /// Takes the oldest ended hook activity recorded under <paramref name="key"/>, or with
    /// <paramref name="withRetries"/> every one, oldest first: where a key names one test case
    /// (NUnit, MSTest), more than one means the framework ran it again and reports only the last.
    /// xUnit's keys are shared by a theory's rows, whose events may lag behind the next row.
    /// </summary>
    public IReadOnlyList<TestTrace> TakeEnded(string key, bool withRetries)
    {
        var taken = new List<TestTrace>();
        lock (endedByKey)
        {
            if (endedByKey.TryGetValue(key, out var queue))
            {
                while ((taken.Count == 0 || withRetries) && queue.TryDequeue(out var trace))
                {
                    taken.Add(trace);
                }

                if (queue.Count == 0)
                {
                    endedByKey.Remove(key);
                }
            }
        }

        foreach (var trace in taken)
        {
            live.TryRemove(trace.Activity.TraceId, out _);
        }

        return taken;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
        aspNetCoreTags?.Dispose();
        listener.Dispose();
    }

    private void OnStarted(Activity activity)
    {
        if (IsTestActivity(activity))
        {
            live[activity.TraceId] = new TestTrace(activity);
        }
    }

    private void OnStopped(Activity activity)
    {
        try
        {
            if (IsTestActivity(activity) && live.TryGetValue(activity.TraceId, out var test) && test.Activity == activity)
            {
                if ((activity.GetTagItem(TestActivityNames.KeyTag) ?? activity.GetTagItem(TestActivityNames.TUnitNodeUidTag)) is string key)
                {
                    lock (endedByKey)
                    {
                        if (!endedByKey.TryGetValue(key, out var ended))
                        {
                            endedByKey[key] = ended = new Queue<TestTrace>(1);
                        }

                        ended.Enqueue(test);
                    }
                }

                return;
            }

            var span = ActivitySpanConverter.Convert(activity);
            if (live.TryGetValue(activity.TraceId, out var owner))
            {
                owner.AddChild(span);
            }
            else if (activity.Source.Name != TestActivityNames.TUnitSourceName)
            {
                // TUnit's own lifecycle spans outside a test (disposal, class hooks) are its bookkeeping, not the suite's work.
                Detached.Add(span);
            }
        }
        catch (Exception)
        {
            // A listener callback runs on the user's code path: it must never throw into it.
        }
    }

    private static bool IsTestActivity(Activity activity) =>
        activity.Parent is null && activity.ParentSpanId == default
        && (activity.Source.Name == TestActivityNames.SourceName
            || (activity.Source.Name == TestActivityNames.TUnitSourceName && activity.OperationName == TestActivityNames.TUnitTestCaseName));

    private static bool IsWrapper(Exception exception) =>
        exception is System.Reflection.TargetInvocationException or AggregateException
        || exception.GetType().FullName == "NUnit.Framework.Internal.NUnitException";

    private void OnFirstChanceException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
    {
        try
        {
            var current = Activity.Current;
            // Reflection and task wrappers re-throw the test's own exception: keep the one they wrap.
            if (current is not null && live.TryGetValue(current.TraceId, out var trace)
                && !IsWrapper(e.Exception))
            {
                trace.LastExceptionType = e.Exception.GetType().FullName;
            }
        }
        catch (Exception)
        {
            // Runs for every exception in the process; never let it fail.
        }
    }
}
