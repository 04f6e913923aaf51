using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FlakyCollector.Recording;

/// <summary>
/// Listens to the test source and the configured ActivitySources in the test process and sorts
/// every stopped activity into the trace of the test that caused it, by trace id. Test activities
/// come from the assembly-level hooks (matched later by key) or from <see cref="StartTest"/>.
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private static readonly ActivitySource CollectorSource = new(TestActivityNames.SourceName);

    private readonly ConcurrentDictionary<ActivityTraceId, RecordedTest> live = new();
    private readonly EndedTests ended = new();
    private readonly LateWork late = new();
    private readonly FixtureWork fixtures = new();
    private readonly ActivityListener listener;
    private readonly AspNetCoreRequestTags? aspNetCoreTags;
    private readonly Net8HttpClientTags? httpClientTags;
    private readonly Database.DatabaseDiagnostics? databaseSpans;
    private readonly Logs.LoggingEventCapture? logs;
    private readonly HttpRequestCallers? httpCallers;
    private readonly Hosting.HostBuildingObserver appHosts = new();
    private readonly SourceFilter registeredSources;

    public ActivityRecorder(SourceFilter filter, int detachedCapacity = 10_000, bool captureLogs = true)
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
        registeredSources = filter;
        Testing.TestSpanListener.Shared.AddRecorderSources(filter);
        Testing.TestSpanListener.Shared.AddRecorder(this);
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
        if (filter.Matches("System.Net.Http"))
        {
            httpClientTags = Net8HttpClientTags.StartIfNeeded(Environment.Version);
            httpCallers = new HttpRequestCallers();
        }

        if (filter.Matches("Microsoft.AspNetCore"))
        {
            aspNetCoreTags = new AspNetCoreRequestTags();
        }

        if (filter.Matches(Database.DatabaseNames.SourceName))
        {
            databaseSpans = new Database.DatabaseDiagnostics();
        }

        if (captureLogs)
        {
            logs = new Logs.LoggingEventCapture(OnLog);
        }
    }

    public DetachedSpans Detached { get; }

    /// <summary>Links to the roots of the fixture work that has ended so far and served the test class <paramref name="suite"/>.</summary>
    public IReadOnlyList<Spans.SpanLinkData> FixtureLinksServing(string suite) => fixtures.LinksServing(suite);

    /// <summary>The activities that have ended so far in a running test's trace; none for a trace this recorder does not hold.</summary>
    public IReadOnlyList<Activity> EndedInTest(ActivityTraceId traceId) =>
        live.TryGetValue(traceId, out var test) ? test.EndedActivities() : [];

    /// <summary>Log records of tests' traces written after their recordings were taken.</summary>
    public Logs.LateLogRecords LateLogs { get; } = new(10_000);

    /// <summary>
    /// Raised, on the test's own path, when a hook's test activity stopped, with its key and its
    /// recording, which is then the handler's: it is not filed for <see cref="TakeEnded"/>.
    /// </summary>
    public event Action<string, RecordedTest>? TestEnded;

    /// <summary>Starts a test activity as the root of a new trace, on the caller's execution context.</summary>
    public RecordedTest? StartTest(string name)
    {
        // A test is the root of its own trace, whatever the previous test left current on this thread.
        Activity.Current = null;
        var activity = CollectorSource.StartActivity(name, ActivityKind.Internal);
        return activity is null ? null : live.GetValueOrDefault(activity.TraceId);
    }

    /// <summary>Stops a test started by <see cref="StartTest"/> and hands over its trace.</summary>
    public RecordedTest FinishTest(RecordedTest trace)
    {
        if (trace.Running is { } activity)
        {
            activity.Stop();
            trace.Stop(activity); // nothing more where the listener saw the stop
        }

        live.TryRemove(trace.TraceId, out _);
        trace.LateLogs = LateLogs.Drain();
        return trace;
    }

    /// <summary>
    /// Takes what the hooks recorded of the test just reported under <paramref name="key"/>, as
    /// <see cref="EndedTests.Take"/> chooses: with <paramref name="outcome"/> null the oldest (xUnit's
    /// rows share keys), else the test case's attempts; none that started after <paramref name="testEnded"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<RecordedTest> TakeEnded(string key, string? outcome, DateTime? testEnded = null)
    {
        var taken = ended.Take(key, outcome, testEnded ?? DateTime.MaxValue);
        foreach (var trace in taken)
        {
            live.TryRemove(trace.TraceId, out _);
        }

        if (taken.Count > 0)
        {
            taken[^1].LateLogs = LateLogs.Drain();
        }

        return taken;
    }

    /// <summary>
    /// Ends every test activity still running, where the run stops before its end: each is filed
    /// under its key like any test that ended, marked unfinished. How many there were.
    /// </summary>
    public int StopRunningTests()
    {
        var running = live.Values.Select(t => t.Running).OfType<Activity>().ToList();
        foreach (var activity in running)
        {
            activity.SetTag(TestActivityNames.UnfinishedAttribute, true).Stop();
        }

        return running.Count;
    }

    /// <summary>
    /// Waits, at most <paramref name="bound"/>, for the work that tests started and that was still
    /// running when they ended: such spans belong to their test's trace up to the end of the test
    /// process, and a run that ends at once would lose the race the analysis looks for. What is
    /// still running then is filed as it stands, ending now, marked unfinished (and late): a span
    /// that never ends is evidence too, and would otherwise be lost. False when there was such work.
    /// </summary>
    public bool WaitForLateWork(TimeSpan bound)
    {
        if (late.WaitForAll(bound))
        {
            return true;
        }

        foreach (var span in late.TakeUnfinished(live.ContainsKey))
        {
            Detached.Add(span);
        }

        return false;
    }

    public void Dispose()
    {
        Testing.TestSpanListener.Shared.RemoveRecorderSources(registeredSources);
        Testing.TestSpanListener.Shared.RemoveRecorder(this);
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
        aspNetCoreTags?.Dispose();
        httpClientTags?.Dispose();
        databaseSpans?.Dispose();
        logs?.Dispose();
        httpCallers?.Dispose();
        appHosts.Dispose();
        listener.Dispose();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnStarted(Activity activity)
    {
        if (TestActivityNames.IsTestRoot(activity))
        {
            live[activity.TraceId] = new RecordedTest(activity);
        }
        else if (live.ContainsKey(activity.TraceId)
            || (activity.Parent is { } parent && (TestActivityNames.IsTestRoot(parent) || LateWork.StartedInTest(parent))
                && activity.Source.Name != TestActivityNames.TUnitSourceName))
        {
            // Work of a running test, or work a test set off that started only after the test was
            // handed on (a Task.Run that got a thread late): the end of the run waits for both.
            late.Started(activity);
        }
        else if (activity.Parent is null && activity.ParentSpanId == default)
        {
            // The root of work outside any test: who asked for it is still on the stack.
            fixtures.Started(activity);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnStopped(Activity activity)
    {
        if (!late.Claim(activity))
        {
            // Filed unfinished when the run ended without it.
            return;
        }

        try
        {
            if (TestActivityNames.IsTestRoot(activity) && live.TryGetValue(activity.TraceId, out var test) && test.Running == activity)
            {
                test.Stop(activity);
                if ((activity.GetTagItem(TestActivityNames.KeyTag) ?? activity.GetTagItem(TestActivityNames.TUnitNodeUidTag)) is string key)
                {
                    if (TestEnded is { } handOff)
                    {
                        // Taken at once, as TakeEnded would: nothing filed, no list made.
                        live.TryRemove(test.TraceId, out _);
                        test.LateLogs = LateLogs.Drain();
                        handOff(key, test);
                    }
                    else
                    {
                        ended.Add(key, test);
                    }
                }

                return;
            }

            var span = ActivitySpanConverter.Convert(activity);
            if (Hosting.CapturedTestContext.Detach(activity, span) is { } background)
            {
                Detached.Add(background);
            }
            else if (live.TryGetValue(activity.TraceId, out var owner) && owner.TryAddChild(span, activity))
            {
                // Filed with its running (or just ended, not yet taken) test.
            }
            else if (owner is not null || LateWork.StartedInTest(activity))
            {
                // Work the test started that ended after the test was handed on (or as it was):
                // still the test's (same trace), marked late.
                Detached.Add(span with { Attributes = [.. span.Attributes, new(TestActivityNames.LateAttribute, true)] });
            }
            else if (activity.Source.Name != TestActivityNames.TUnitSourceName)
            {
                // TUnit's own lifecycle spans outside a test (disposal, class hooks) are its bookkeeping, not the suite's work.
                Detached.Add(fixtures.Mark(activity, span));
            }
        }
        catch (Exception)
        {
            // A listener callback runs on the user's code path: it must never throw into it.
        }
        finally
        {
            late.Stopped(activity);
        }
    }

    private void OnLog(Activity current, Spans.LogRecordData record)
    {
        // Only what a test caused: a record outside every test has no trace to join.
        if (live.TryGetValue(current.TraceId, out var test) && test.TryAddLog(record))
        {
            // Kept with its test's recording.
        }
        else if (test is not null || LateWork.StartedInTestOrUnder(current))
        {
            // Work the test started, logging after the test's recording was taken.
            LateLogs.Add(record);
        }
    }

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
                trace.AddException(RecordedException.Of(e.Exception));
            }
        }
        catch (Exception)
        {
            // Runs for every exception in the process; never let it fail.
        }
    }
}
