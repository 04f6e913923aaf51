using System.Collections.Concurrent;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// The executions of each test process (<c>test.run.id</c> + <c>flakytrace.testhost.pid</c>)
/// ordered by end time, to answer "which tests had finished in this process before this one
/// started", and "which were still running when it started". A run is indexed the first time one of its executions is asked about, so runs no
/// flaky test needs cost nothing.
/// </summary>
internal sealed class ProcessHistory(IReadOnlyDictionary<string, List<TestExecution>> runs)
{
    private readonly ConcurrentDictionary<string, Dictionary<long, (TestExecution[] Executions, long[] Ends)>> _indexed = new();
    private readonly ConcurrentDictionary<string, Dictionary<long, (TestExecution[] Executions, long[] Starts, long MaxDuration)>> _byStart = new();

    /// <summary>
    /// Executions of the same process that started before <paramref name="execution"/> and were
    /// still running when it started: in parallel classes they change shared state under it.
    /// </summary>
    public IEnumerable<TestExecution> RunningAtStart(TestExecution execution)
    {
        var processes = _byStart.GetOrAdd(execution.RunId, IndexByStart);
        if (!processes.TryGetValue(execution.ProcessId, out var process))
        {
            yield break;
        }

        // Nothing that started more than the longest duration earlier can still be running.
        var from = Array.BinarySearch(process.Starts, execution.StartNanos - process.MaxDuration);
        for (var i = from < 0 ? ~from : from; i < process.Starts.Length && process.Starts[i] < execution.StartNanos; i++)
        {
            if (process.Executions[i].EndNanos > execution.StartNanos)
            {
                yield return process.Executions[i];
            }
        }
    }

    /// <summary>Executions of the same process that started after <paramref name="execution"/> did and before <paramref name="untilNanos"/>.</summary>
    public IEnumerable<TestExecution> StartedDuring(TestExecution execution, long untilNanos)
    {
        var processes = _byStart.GetOrAdd(execution.RunId, IndexByStart);
        if (!processes.TryGetValue(execution.ProcessId, out var process))
        {
            yield break;
        }

        var from = Array.BinarySearch(process.Starts, execution.StartNanos);
        for (var i = from < 0 ? ~from : from; i < process.Starts.Length && process.Starts[i] < untilNanos; i++)
        {
            if (!ReferenceEquals(process.Executions[i], execution))
            {
                yield return process.Executions[i];
            }
        }
    }

    /// <summary>Executions of the same process that ended at or before <paramref name="execution"/> started, oldest first.</summary>
    public ReadOnlySpan<TestExecution> Before(TestExecution execution)
    {
        var processes = _indexed.GetOrAdd(execution.RunId, Index);
        if (!processes.TryGetValue(execution.ProcessId, out var process))
        {
            return [];
        }

        // Upper bound: the first end strictly after our start.
        int low = 0, high = process.Ends.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (process.Ends[middle] <= execution.StartNanos)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return process.Executions.AsSpan(0, low);
    }

    private Dictionary<long, (TestExecution[], long[], long)> IndexByStart(string runId)
    {
        var processes = new Dictionary<long, (TestExecution[], long[], long)>();
        if (runs.TryGetValue(runId, out var run))
        {
            foreach (var group in run.GroupBy(e => e.ProcessId))
            {
                var ordered = group.ToArray();
                var starts = Array.ConvertAll(ordered, e => e.StartNanos);
                Array.Sort(starts, ordered);
                processes[group.Key] = (ordered, starts, ordered.Max(e => e.DurationNanos));
            }
        }

        return processes;
    }

    private Dictionary<long, (TestExecution[] Executions, long[] Ends)> Index(string runId)
    {
        var processes = new Dictionary<long, (TestExecution[], long[])>();
        if (!runs.TryGetValue(runId, out var run))
        {
            return processes;
        }

        foreach (var group in run.GroupBy(e => e.ProcessId))
        {
            var ordered = group.ToArray();
            var ends = Array.ConvertAll(ordered, e => e.EndNanos);
            Array.Sort(ends, ordered);
            processes[group.Key] = (ordered, ends);
        }

        return processes;
    }
}
