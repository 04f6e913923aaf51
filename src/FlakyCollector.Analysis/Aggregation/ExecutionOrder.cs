using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Aggregation;

/// <summary>
/// The order executions leave the reader in: by start, then test name, then trace id. Reader
/// partitions merge in whatever order their threads finished, and every later step that keeps the
/// first of equals (commit lists, the predecessor named when two explain a failure equally well)
/// would follow it; a trace id is unique, so this order is total and the report is the same on
/// any number of cores.
/// </summary>
internal sealed class ExecutionOrder : IComparer<TestExecution>
{
    public static ExecutionOrder Instance { get; } = new();

    public int Compare(TestExecution? x, TestExecution? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byStart = x.StartNanos.CompareTo(y.StartNanos);
        if (byStart != 0)
        {
            return byStart;
        }

        var byName = string.CompareOrdinal(x.Name, y.Name);
        return byName != 0 ? byName : x.TraceId.CompareTo(y.TraceId);
    }
}
