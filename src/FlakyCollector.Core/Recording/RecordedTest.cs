using System.Diagnostics;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// The trace of one test execution while it is recorded: the test's own activity, the spans of
/// the work it caused, and the exceptions thrown while it was the current trace.
/// </summary>
internal sealed class RecordedTest
{
    /// <summary>A test that throws and catches in a loop keeps only its last few: the failure is among the last.</summary>
    internal const int MaxExceptions = 8;

    private readonly List<SpanData> children = [];
    private readonly List<Activity> ended = [];
    private readonly Queue<RecordedException> exceptions = new();

    public RecordedTest(Activity activity)
    {
        Activity = activity;
    }

    public Activity Activity { get; }

    /// <summary>What was logged while this test's trace was current, bounded.</summary>
    internal Logs.LogBudget Logs { get; } = new(Recording.Logs.LogNames.DefaultMaxRecords, Recording.Logs.LogNames.DefaultMaxBytes);

    /// <summary>Records of earlier tests' traces written after those were taken; handed on with this test's.</summary>
    internal IReadOnlyList<LogRecordData> LateLogs { get; set; } = [];

    /// <summary>Type of the last first-chance exception seen on this trace; not necessarily the one that failed the test.</summary>
    public string? LastExceptionType
    {
        get
        {
            lock (exceptions)
            {
                return exceptions.Count == 0 ? null : exceptions.Last().Type;
            }
        }
    }

    /// <summary>The last exceptions thrown on this trace, oldest first.</summary>
    internal IReadOnlyList<RecordedException> Exceptions
    {
        get
        {
            lock (exceptions)
            {
                return exceptions.ToArray();
            }
        }
    }

    internal void AddException(RecordedException exception)
    {
        lock (exceptions)
        {
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

    public void AddChild(SpanData span)
    {
        lock (children)
        {
            children.Add(span);
        }
    }

    /// <summary>A child's activity, kept until the test ends, for a TestTrace first read after it ended.</summary>
    public void AddChild(SpanData span, Activity activity)
    {
        lock (children)
        {
            children.Add(span);
            ended.Add(activity);
        }
    }

    /// <summary>The activities of the children that have ended so far, in the order they ended.</summary>
    public IReadOnlyList<Activity> EndedActivities()
    {
        lock (children)
        {
            return ended.ToArray();
        }
    }

    public IReadOnlyList<SpanData> TakeChildren()
    {
        lock (children)
        {
            var copy = children.ToArray();
            children.Clear();
            ended.Clear();
            return copy;
        }
    }
}
