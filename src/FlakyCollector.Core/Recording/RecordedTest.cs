using System.Diagnostics;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// The trace of one test execution while it is recorded: the test's own activity, the spans of
/// the work it caused, and the exceptions thrown while it was the current trace. Most tests cause
/// no span, throw nothing and log nothing, and a framework may run thousands of tests ahead of
/// the runner's reporting (xUnit under VSTest: 40,000 of 100,000), each waiting as one of these;
/// so the lists are made when the first item arrives.
/// </summary>
internal sealed class RecordedTest
{
    /// <summary>A test that throws and catches in a loop keeps only its last few: the failure is among the last.</summary>
    internal const int MaxExceptions = 8;

    private readonly object gate = new();
    private List<SpanData>? children;
    private List<Activity>? ended;
    private Queue<RecordedException>? exceptions;
    private Logs.LogBudget? logs;

    public RecordedTest(Activity activity)
    {
        Activity = activity;
    }

    public Activity Activity { get; }

    /// <summary>Records of earlier tests' traces written after those were taken; handed on with this test's.</summary>
    internal IReadOnlyList<LogRecordData> LateLogs { get; set; } = [];

    /// <summary>Type of the last first-chance exception seen on this trace; not necessarily the one that failed the test.</summary>
    public string? LastExceptionType
    {
        get
        {
            lock (gate)
            {
                return exceptions is { Count: > 0 } ? exceptions.Last().Type : null;
            }
        }
    }

    /// <summary>The last exceptions thrown on this trace, oldest first.</summary>
    internal IReadOnlyList<RecordedException> Exceptions
    {
        get
        {
            lock (gate)
            {
                return exceptions?.ToArray() ?? [];
            }
        }
    }

    internal void AddException(RecordedException exception)
    {
        lock (gate)
        {
            exceptions ??= new Queue<RecordedException>(1);

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

    /// <summary>A record logged while this test's trace was current; kept within the budget.</summary>
    internal void AddLog(LogRecordData record)
    {
        lock (gate)
        {
            logs ??= new(Recording.Logs.LogNames.DefaultMaxRecords, Recording.Logs.LogNames.DefaultMaxBytes);
        }

        logs.Add(record);
    }

    /// <summary>What was logged while this test's trace was current, and how many records the budget dropped; taken once.</summary>
    internal (IReadOnlyList<LogRecordData> Records, int Dropped) TakeLogs()
    {
        Logs.LogBudget? taken;
        lock (gate)
        {
            taken = logs;
        }

        return taken?.Take() ?? ([], 0);
    }

    public void AddChild(SpanData span)
    {
        lock (gate)
        {
            (children ??= []).Add(span);
        }
    }

    /// <summary>A child's activity, kept until the test ends, for a TestTrace first read after it ended.</summary>
    public void AddChild(SpanData span, Activity activity)
    {
        lock (gate)
        {
            (children ??= []).Add(span);
            (ended ??= []).Add(activity);
        }
    }

    /// <summary>The activities of the children that have ended so far, in the order they ended.</summary>
    public IReadOnlyList<Activity> EndedActivities()
    {
        lock (gate)
        {
            return ended?.ToArray() ?? [];
        }
    }

    public IReadOnlyList<SpanData> TakeChildren()
    {
        lock (gate)
        {
            var copy = children?.ToArray() ?? [];
            children?.Clear();
            ended?.Clear();
            return copy;
        }
    }
}
