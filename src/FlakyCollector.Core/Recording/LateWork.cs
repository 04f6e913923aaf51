using System.Diagnostics;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// The activities started inside a running test that have not stopped yet, so that the end of a
/// run can wait (boundedly) for the ones that outlive their test, and hand over those that never
/// stop: a request in flight when its app was disposed after the class's last test is never ended
/// by ASP.NET Core, yet the test caused it.
/// </summary>
internal sealed class LateWork
{
    /// <summary>How long the end of a run waits for work that tests started and that is still running.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    /// <summary>At most this many running activities are kept to hand over; more are only counted.</summary>
    internal const int MaxTracked = 10_000;

    private const string Marker = "flakytrace.started_in_test";
    private const string TakenMarker = "flakytrace.taken_unfinished";
    private const string FilingMarker = "flakytrace.filing_stopped";

    // Guarded by itself. Only activities that are running: each leaves it when it stops.
    private readonly HashSet<Activity> running = new(ReferenceEqualityComparer.Instance);
    private int untracked;
    // Stopped and claimed, their spans being filed: the end of the run waits for them too.
    private int filing;

    public void Started(Activity activity)
    {
        activity.SetCustomProperty(Marker, Marker);
        lock (running)
        {
            if (running.Count < MaxTracked)
            {
                running.Add(activity);
            }
            else
            {
                untracked++;
            }
        }
    }

    /// <summary>True when <paramref name="activity"/> was started inside a running test.</summary>
    public static bool StartedInTest(Activity activity) => activity.GetCustomProperty(Marker) is not null;

    /// <summary>True when <paramref name="activity"/>, or one of its in-process parents, was started inside a running test.</summary>
    public static bool StartedInTestOrUnder(Activity? activity)
    {
        for (; activity is not null; activity = activity.Parent)
        {
            if (StartedInTest(activity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="activity"/> was handed over unfinished by <see cref="TakeUnfinished"/>: its span is already filed.</summary>
    private static bool TakenUnfinished(Activity activity) => activity.GetCustomProperty(TakenMarker) is not null;

    /// <summary>
    /// Claims a stopping <paramref name="activity"/> for its own span, before that is filed: false
    /// when <see cref="TakeUnfinished"/> filed it unfinished already. Both decide under one lock,
    /// so exactly one of them files it.
    /// </summary>
    public bool Claim(Activity activity)
    {
        if (!StartedInTest(activity))
        {
            return true;
        }

        lock (running)
        {
            if (TakenUnfinished(activity))
            {
                return false;
            }

            var counted = running.Remove(activity);
            if (!counted && untracked > 0)
            {
                untracked--;
                counted = true;
            }

            if (counted)
            {
                filing++;
                activity.SetCustomProperty(FilingMarker, FilingMarker);
            }

            return true;
        }
    }

    /// <summary>
    /// Counts a claimed <paramref name="activity"/> as done. Call it once its span has been filed: a
    /// waiter woken before that would take the recording without it.
    /// </summary>
    public void Stopped(Activity activity)
    {
        if (activity.GetCustomProperty(FilingMarker) is null)
        {
            return;
        }

        lock (running)
        {
            filing--;
            Monitor.PulseAll(running);
        }
    }

    /// <summary>Waits until every such activity stopped, or <paramref name="bound"/> passed; true when none is left.</summary>
    public bool WaitForAll(TimeSpan bound)
    {
        var deadline = Stopwatch.StartNew();
        lock (running)
        {
            while (running.Count + untracked + filing > 0)
            {
                var left = bound - deadline.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(running, left);
            }
        }

        return true;
    }

    /// <summary>
    /// Takes the activities still running, as spans that end now, marked unfinished, and late where
    /// their test is no longer running. One that stops later is not filed again.
    /// </summary>
    public IReadOnlyList<SpanData> TakeUnfinished(Func<ActivityTraceId, bool> testRunning)
    {
        Activity[] taken;
        lock (running)
        {
            taken = running.ToArray();
            running.Clear();
            untracked = 0;
            foreach (var activity in taken)
            {
                activity.SetCustomProperty(TakenMarker, TakenMarker);
            }
        }

        var now = ActivitySpanConverter.ToUnixNano(DateTime.UtcNow);
        var spans = new List<SpanData>(taken.Length);
        foreach (var activity in taken)
        {
            try
            {
                var span = ActivitySpanConverter.Convert(activity);
                SpanAttribute[] marks = testRunning(activity.TraceId)
                    ? [new(TestActivityNames.UnfinishedAttribute, true)]
                    : [new(TestActivityNames.LateAttribute, true), new(TestActivityNames.UnfinishedAttribute, true)];
                spans.Add(span with { EndTimeUnixNano = Math.Max(now, span.StartTimeUnixNano), Attributes = [.. span.Attributes, .. marks] });
            }
            catch (Exception)
            {
                // Its owner may still be changing it: that one span is lost, not the run's end.
            }
        }

        return spans;
    }
}
