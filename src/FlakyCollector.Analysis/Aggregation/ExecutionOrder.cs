using System.Runtime.InteropServices;
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

    /// <summary>
    /// Sorts in this order, by the starts alone first: comparing two executions reads both objects,
    /// scattered over the heap, where the starts copied side by side are compared in cache. Only
    /// executions that start together are compared in full after. The order is total, so the
    /// result is the one a sort by <see cref="Compare"/> gives.
    /// </summary>
    public static void Sort(List<TestExecution> executions)
    {
        var items = CollectionsMarshal.AsSpan(executions);
        var starts = new long[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            starts[i] = items[i].StartNanos;
        }

        starts.AsSpan().Sort(items);
        for (var first = 0; first < items.Length;)
        {
            var end = first + 1;
            while (end < items.Length && starts[end] == starts[first])
            {
                end++;
            }

            if (end - first > 1)
            {
                items[first..end].Sort(Instance);
            }

            first = end;
        }
    }

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
