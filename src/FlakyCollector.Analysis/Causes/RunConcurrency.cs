using System.Collections.Concurrent;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// The executions of each run ordered by start time, to find the tests that ran at the same time
/// as a given execution (any process of the same <c>dotnet test</c> invocation). Runs are indexed
/// on first use.
/// </summary>
internal sealed class RunConcurrency(IReadOnlyDictionary<string, List<TestExecution>> runs)
{
    private readonly ConcurrentDictionary<string, (TestExecution[] Executions, long[] Starts, long MaxDuration)> _indexed = new();

    /// <summary>Other executions of the run whose interval overlaps this one's.</summary>
    public List<TestExecution> Overlapping(TestExecution execution)
    {
        var overlapping = new List<TestExecution>();
        var run = _indexed.GetOrAdd(execution.RunId, Index);

        // Nothing that started more than the longest duration earlier can still be running.
        var from = LowerBound(run.Starts, execution.StartNanos - run.MaxDuration);
        for (var i = from; i < run.Executions.Length && run.Starts[i] < execution.EndNanos; i++)
        {
            var other = run.Executions[i];
            if (!ReferenceEquals(other, execution) && other.EndNanos > execution.StartNanos)
            {
                overlapping.Add(other);
            }
        }

        return overlapping;
    }

    private (TestExecution[], long[], long) Index(string runId)
    {
        var ordered = runs.TryGetValue(runId, out var run) ? run.ToArray() : [];
        var starts = Array.ConvertAll(ordered, e => e.StartNanos);
        Array.Sort(starts, ordered);
        return (ordered, starts, ordered.Length == 0 ? 0 : ordered.Max(e => e.DurationNanos));
    }

    private static int LowerBound(long[] values, long value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (values[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
