using System.Diagnostics;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>
/// The trace of one test execution while it is recorded: the test's own activity, the spans of
/// the work it caused, and the type of the last exception thrown while it was the current trace.
/// </summary>
public sealed class RecordedTest
{
    private readonly List<SpanData> children = [];

    public RecordedTest(Activity activity)
    {
        Activity = activity;
    }

    public Activity Activity { get; }

    /// <summary>What was logged while this test's trace was current, bounded.</summary>
    internal Logs.LogBudget Logs { get; } = new(Recording.Logs.LogNames.DefaultMaxRecords, Recording.Logs.LogNames.DefaultMaxBytes);

    /// <summary>Type of the last first-chance exception seen on this trace; it describes the failure only when the test failed.</summary>
    public string? LastExceptionType { get; set; }

    public void AddChild(SpanData span)
    {
        lock (children)
        {
            children.Add(span);
        }
    }

    public IReadOnlyList<SpanData> TakeChildren()
    {
        lock (children)
        {
            var copy = children.ToArray();
            children.Clear();
            return copy;
        }
    }
}
