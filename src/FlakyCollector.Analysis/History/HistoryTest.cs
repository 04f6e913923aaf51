using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// One test identity in the history: its failure groups, its latest verdict, and the latest
/// executions kept whole (children included) so causes can be found again as runs are added.
/// </summary>
internal sealed class HistoryTest(TestIdentity identity)
{
    /// <summary>Kept failing, and kept passing, executions per test: enough for the detectors' exact tests to separate a cause.</summary>
    public const int KeptExecutions = 16;

    public TestIdentity Identity { get; } = identity;

    public List<FailureGroup> Groups { get; private set; } = [];

    public HistoryVerdict? Verdict { get; set; }

    public List<TestExecution> Failing { get; private set; } = [];

    public List<TestExecution> Passing { get; private set; } = [];

    public int GroupOf(string shape, string example, long seenMs)
    {
        var index = Groups.FindIndex(g => g.Shape == shape);
        if (index >= 0)
        {
            Groups[index].Saw(example, seenMs, seenMs);
            return index;
        }

        Groups.Add(new FailureGroup(shape, example, seenMs, seenMs));
        return Groups.Count - 1;
    }

    /// <summary>Takes in another history's group of this test; returns its index here.</summary>
    public int Take(FailureGroup group)
    {
        var index = Groups.FindIndex(g => g.Shape == group.Shape);
        if (index >= 0)
        {
            Groups[index].Saw(group.Example, group.FirstSeenMs, group.LastSeenMs);
            return index;
        }

        Groups.Add(new FailureGroup(group.Shape, group.Example, group.FirstSeenMs, group.LastSeenMs));
        return Groups.Count - 1;
    }

    /// <summary>Keeps an execution if it is among the latest; one seen twice (by trace id) is kept once.</summary>
    public void Keep(TestExecution execution)
    {
        var list = execution.Outcome == TestOutcome.Failed ? Failing : Passing;
        if (list.Exists(e => e.TraceId == execution.TraceId))
        {
            return;
        }

        list.Add(execution);
        list.Sort(static (a, b) => b.StartNanos != a.StartNanos ? b.StartNanos.CompareTo(a.StartNanos) : b.TraceId.CompareTo(a.TraceId));
        if (list.Count > KeptExecutions)
        {
            list.RemoveRange(KeptExecutions, list.Count - KeptExecutions);
        }
    }

    /// <summary>
    /// Orders the groups by first sighting (then shape), so two histories of the same runs agree
    /// whatever order the runs came in; returns old index to new.
    /// </summary>
    public int[] SortGroups()
    {
        var order = Enumerable.Range(0, Groups.Count)
            .OrderBy(i => Groups[i].FirstSeenMs)
            .ThenBy(i => Groups[i].Shape, StringComparer.Ordinal)
            .ToArray();
        var map = new int[Groups.Count];
        for (var i = 0; i < order.Length; i++)
        {
            map[order[i]] = i;
        }

        Groups = [.. order.Select(i => Groups[i])];
        return map;
    }
}
