using System.Collections.Concurrent;
using System.Diagnostics;
using FlakyCollector.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Testing;

/// <summary>
/// The in-memory listener behind <see cref="TestTrace"/>. It starts before the first test where
/// the test assembly uses the API (the hook the package compiles in calls <see cref="Start"/>
/// from its module initializer), else on first use, so a process whose tests do not use the API
/// pays nothing. It listens to the test source (so the
/// hooks compiled into the test assembly start a root activity per test), TUnit's, the default
/// sources, those of any FlakyTrace recorder in the process, and those named by <see cref="Listen"/>;
/// it keeps the finished spans of each running test's trace and drops them when the test ends.
/// It has its own listener even when a recorder runs, so that what a test sees does not depend on
/// whether the run is traced, nor on how the recorder hands its spans on.
/// </summary>
internal sealed class TestSpanListener
{
    private readonly object gate = new();
    private readonly ConcurrentDictionary<ActivityTraceId, TestTrace> tests = new();
    private readonly List<string> named = [];
    private readonly List<SourceFilter> recorderSources = [];
    private readonly List<ActivityRecorder> recorders = [];
    private ActivityListener? listener;

    // ASP.NET Core's request activity has no tags of its own; a recorder adds them, and so must
    // this listener, or a server span's status and tags would differ between traced and untraced runs.
    private AspNetCoreRequestTags? aspNetCoreTags;

    // Likewise a recorder wires the application hosts built while it runs (TestServer hands the
    // test's context to the server); without the same, a TestServer request would be a trace of its own.
    private Recording.Hosting.HostBuildingObserver? appHosts;

    public static TestSpanListener Shared { get; } = new();

    public bool IsListening => Volatile.Read(ref listener) is not null;

    /// <summary>Listens from now on, so that a test's spans are kept before the test first reads them.</summary>
    public void Start() => EnsureListening();

    public TestTrace? CurrentTrace()
    {
        EnsureListening();
        var activity = Activity.Current;
        if (activity is null)
        {
            return StartUntimedTest();
        }

        if (tests.TryGetValue(activity.TraceId, out var trace))
        {
            return trace;
        }

        // A test that started before this listener (a traced run's first use): adopt its trace from now on.
        var root = activity;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return TestActivityNames.IsTestRoot(root) ? Adopt(root.TraceId) : null;
    }

    /// <summary>Called by a starting recorder: a test first read after it began sees what the recorder already has.</summary>
    public void AddRecorder(ActivityRecorder recorder)
    {
        lock (gate)
        {
            recorders.Add(recorder);
        }
    }

    public void RemoveRecorder(ActivityRecorder recorder)
    {
        lock (gate)
        {
            recorders.Remove(recorder);
        }
    }

    public void Listen(IEnumerable<string> sources)
    {
        lock (gate)
        {
            named.AddRange(sources.Where(s => !string.IsNullOrWhiteSpace(s) && !named.Contains(s, StringComparer.OrdinalIgnoreCase)));
            StartObservers();
            Rebuild();
        }
    }

    /// <summary>Called by a starting recorder: the API sees what the collector records.</summary>
    public void AddRecorderSources(SourceFilter sources)
    {
        lock (gate)
        {
            recorderSources.Add(sources);
            if (listener is not null)
            {
                Rebuild();
            }
        }
    }

    public void RemoveRecorderSources(SourceFilter sources)
    {
        lock (gate)
        {
            recorderSources.Remove(sources);
        }
    }

    public string DescribeSources()
    {
        lock (gate)
        {
            var recorder = recorderSources.Count > 0 ? ", those of the FlakyTrace run settings" : string.Empty;
            return string.Join(", ", TestActivityNames.DefaultSources.Concat(named)) + recorder;
        }
    }

    private void EnsureListening()
    {
        if (Volatile.Read(ref listener) is null)
        {
            lock (gate)
            {
                if (listener is null)
                {
                    StartObservers();
                    Rebuild();
                }
            }
        }
    }

    private void StartObservers()
    {
        aspNetCoreTags ??= new AspNetCoreRequestTags();
        appHosts ??= new Recording.Hosting.HostBuildingObserver();
    }

    // A listener's sources are fixed when it is added, so naming more means a new listener. The
    // old one's callbacks are ignored from the moment the new one is in place, so none is doubled.
    private void Rebuild()
    {
        var sources = new SourceFilter([.. TestActivityNames.DefaultSources, .. named]);
        var recorders = recorderSources.ToArray();
        ActivityListener? created = null;
        created = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TestActivityNames.SourceName or TestActivityNames.TUnitSourceName
                || sources.Matches(source.Name) || Array.Exists(recorders, r => r.Matches(source.Name)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (ReferenceEquals(listener, created))
                {
                    OnStarted(activity);
                }
            },
            ActivityStopped = activity =>
            {
                if (ReferenceEquals(listener, created))
                {
                    OnStopped(activity);
                }
            },
        };
        var previous = listener;
        Volatile.Write(ref listener, created);
        ActivitySource.AddActivityListener(created);
        previous?.Dispose();
    }

    private void OnStarted(Activity activity)
    {
        if (TestActivityNames.IsTestRoot(activity))
        {
            tests[activity.TraceId] = new TestTrace(activity.TraceId);
        }
    }

    private void OnStopped(Activity activity)
    {
        try
        {
            if (TestActivityNames.IsTestRoot(activity))
            {
                // The test is over: its TestTrace keeps what it saw, this listener forgets it.
                tests.TryRemove(activity.TraceId, out _);
            }
            else if (tests.TryGetValue(activity.TraceId, out var trace))
            {
                trace.Add(new RecordedSpan(activity));
            }
        }
        catch (Exception)
        {
            // Runs on the code path of whoever ended the activity: never throw into it.
        }
    }

    /// <summary>
    /// A test that began before this listener (its trace was first read late, e.g. from a helper
    /// library): the spans that ended before now are the ones a running recorder (a traced run)
    /// kept for it, and the listener adds the rest. Seeded after it is in place, so that a span that
    /// ends meanwhile is in one or both, and kept once.
    /// </summary>
    private TestTrace Adopt(ActivityTraceId traceId)
    {
        var trace = new TestTrace(traceId);
        if (!tests.TryAdd(traceId, trace))
        {
            return tests[traceId];
        }

        ActivityRecorder[] running;
        lock (gate)
        {
            running = [.. recorders];
        }

        trace.AddEarlier([.. running.SelectMany(r => r.EndedInTest(traceId)).Select(a => new RecordedSpan(a))]);
        return trace;
    }

    /// <summary>
    /// No test activity on this context (the test started before anything listened, or its
    /// framework has no hook): a root for the rest of the test, made without an ActivitySource so
    /// that no recorder takes it for a test of its own.
    /// </summary>
    private TestTrace StartUntimedTest()
    {
        var root = new Activity(TestActivityNames.UntimedTestName);
        root.SetIdFormat(ActivityIdFormat.W3C);
        root.Start();
        return tests.GetOrAdd(root.TraceId, id => new TestTrace(id));
    }
}
