using System.Diagnostics;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// The trace of one test execution while it is recorded: the test's own activity, the spans of
/// the work it caused, and the exceptions thrown while it was the current trace. Most tests cause
/// no span, throw nothing and log nothing, and a framework may run thousands of tests ahead of
/// the runner's reporting (xUnit under VSTest: 40,000 to 78,000 of 100,000), each waiting as one
/// of these; so what the test caused is one object made when the first of it arrives, and once the
/// test's activity has stopped, only what its span needs is kept (<see cref="StoppedActivity"/>, a
/// value inside this object, which also holds the trace id). It guards its state with its own
/// monitor rather than a lock object of its own: that is 24 bytes for each waiting test, and the
/// type is internal and sealed, so no other code locks on it.
/// </summary>
internal sealed class RecordedTest
{
    /// <summary>A test that throws and catches in a loop keeps only its last few: the failure is among the last.</summary>
    internal const int MaxExceptions = 8;

    // Set when the recording is taken: what arrives later would be added to a list nobody reads.
    private bool taken;
    // What the test caused, made with the first of it: most tests cause nothing.
    private Caused? caused;
    // Written after stopped, so whoever reads it null reads the stopped activity whole.
    private volatile Activity? running;
    private StoppedActivity stopped;

    public RecordedTest(Activity activity)
    {
        running = activity;
    }

    public ActivityTraceId TraceId => running is { } activity ? activity.TraceId : stopped.TraceId;

    /// <summary>The test's activity while it runs; null once it has stopped.</summary>
    public Activity? Running => running;

    /// <summary>The test's activity as it stopped; read once it has (an activity still running is read as it stands).</summary>
    public StoppedActivity Stopped => running is { } activity ? StoppedActivity.Of(activity) : stopped;

    /// <summary>Keeps what the span of the test's stopped activity needs, and lets the activity go; once.</summary>
    internal void Stop(Activity activity)
    {
        if (!ReferenceEquals(running, activity))
        {
            return;
        }

        stopped = StoppedActivity.Of(activity);
        running = null;
    }

    /// <summary>Records of earlier tests' traces written after those were taken; handed on with this test's.</summary>
    internal IReadOnlyList<LogRecordData> LateLogs
    {
        get
        {
            lock (this)
            {
                return caused?.LateLogs ?? [];
            }
        }

        set
        {
            if (value.Count > 0)
            {
                lock (this)
                {
                    Cause().LateLogs = value;
                }
            }
        }
    }

    /// <summary>Type of the last first-chance exception seen on this trace; not necessarily the one that failed the test.</summary>
    public string? LastExceptionType
    {
        get
        {
            lock (this)
            {
                return caused?.Exceptions is { Count: > 0 } exceptions ? exceptions.Last().Type : null;
            }
        }
    }

    /// <summary>The last exceptions thrown on this trace, oldest first.</summary>
    internal IReadOnlyList<RecordedException> Exceptions
    {
        get
        {
            lock (this)
            {
                return caused?.Exceptions?.ToArray() ?? [];
            }
        }
    }

    internal void AddException(RecordedException exception)
    {
        lock (this)
        {
            var exceptions = Cause().Exceptions ??= new Queue<RecordedException>(1);

            // Each await an exception passes through throws it again: one entry is enough.
            if (exceptions.Count > 0 && exceptions.Last() == exception)
            {
                return;
            }

            if (exceptions.Count == MaxExceptions)
            {
                exceptions.Dequeue();
            }

            exceptions.Enqueue(exception);
        }
    }

    /// <summary>
    /// A record logged while this test's trace was current; kept within the budget. False when the
    /// recording was already taken: the caller hands the record on as a late one.
    /// </summary>
    internal bool TryAddLog(LogRecordData record)
    {
        lock (this)
        {
            if (taken)
            {
                return false;
            }

            (Cause().Logs ??= new(Recording.Logs.LogNames.DefaultMaxRecords, Recording.Logs.LogNames.DefaultMaxBytes)).Add(record);
            return true;
        }
    }

    /// <summary>What was logged while this test's trace was current, and how many records the budget dropped; taken once.</summary>
    internal (IReadOnlyList<LogRecordData> Records, int Dropped) TakeLogs()
    {
        Logs.LogBudget? budget;
        lock (this)
        {
            taken = true;
            budget = caused?.Logs;
        }

        return budget?.Take() ?? ([], 0);
    }

    /// <summary>
    /// A child, with its activity kept until the test ends for a TestTrace first read after it
    /// ended. False when the recording was already taken (the child ended as the test was being
    /// handed on): the caller files it as late work of the test's trace, so it is not lost.
    /// </summary>
    public bool TryAddChild(SpanData span, Activity? activity = null)
    {
        lock (this)
        {
            if (taken)
            {
                return false;
            }

            var work = Cause();
            (work.Children ??= []).Add(span);
            if (activity is not null)
            {
                (work.Ended ??= []).Add(activity);
            }

            return true;
        }
    }

    /// <summary>The activities of the children that have ended so far, in the order they ended.</summary>
    public IReadOnlyList<Activity> EndedActivities()
    {
        lock (this)
        {
            return caused?.Ended?.ToArray() ?? [];
        }
    }

    public IReadOnlyList<SpanData> TakeChildren()
    {
        lock (this)
        {
            taken = true;
            var copy = caused?.Children?.ToArray() ?? [];
            caused?.Children?.Clear();
            caused?.Ended?.Clear();
            return copy;
        }
    }

    // Under the lock.
    private Caused Cause() => caused ??= new Caused();

    /// <summary>What the test caused besides its own span; one object, made when the first of it arrives.</summary>
    private sealed class Caused
    {
        public List<SpanData>? Children;
        public List<Activity>? Ended;
        public Queue<RecordedException>? Exceptions;
        public Logs.LogBudget? Logs;
        public IReadOnlyList<LogRecordData>? LateLogs;
    }
}
