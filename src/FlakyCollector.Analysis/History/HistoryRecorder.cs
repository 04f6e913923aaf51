using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.History;

/// <summary>Folds the runs of a trace corpus into a history, one <c>test.run.id</c> at a time.</summary>
internal static class HistoryRecorder
{
    public static HistoryAddition Add(TestHistory history, TraceCorpus corpus)
    {
        var added = new List<string>();
        var held = new List<string>();
        var runs = FlakinessAnalyzer.GroupBy(corpus.Executions, e => e.RunId)
            .Select(g => (Id: g.Key, Executions: g.Value, Start: g.Value.Min(e => e.StartNanos)))
            .OrderBy(r => r.Start)
            .ThenBy(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, executions, start) in runs)
        {
            if (history.Contains(id))
            {
                held.Add(id);
                continue;
            }

            history.AddRun(Record(history, id, executions, start / 1_000_000));
            added.Add(id);
        }

        if (added.Count > 0)
        {
            history.Normalize();
        }

        return new HistoryAddition(added, held);
    }

    private static HistoryRun Record(TestHistory history, string id, List<TestExecution> executions, long startMs)
    {
        var byTest = new SortedDictionary<int, TestInRun>();
        foreach (var execution in executions)
        {
            var index = history.IndexOf(new TestIdentity(execution.ServiceName, execution.Runtime, execution.Name));
            if (!byTest.TryGetValue(index, out var state))
            {
                byTest[index] = state = new TestInRun();
            }

            state.DurationMs = Math.Max(state.DurationMs, (int)Math.Min(int.MaxValue, execution.DurationNanos / 1_000_000));
            switch (execution.Outcome)
            {
                case TestOutcome.Failed:
                    var headline = FailureHeadlines.Headline(execution.ErrorType, execution.ErrorMessage);
                    var group = history.Tests[index].GroupOf(FailureShape.Of(headline), headline, execution.StartNanos / 1_000_000);
                    if (state.Group < 0 || execution.StartNanos >= state.LatestFailureNanos)
                    {
                        state.Group = group;
                        state.LatestFailureNanos = execution.StartNanos;
                    }

                    break;
                case TestOutcome.Passed:
                    state.Passed = true;
                    break;
                default:
                    state.Other = true;
                    break;
            }
        }

        foreach (var execution in executions)
        {
            var index = history.IndexOf(new TestIdentity(execution.ServiceName, execution.Runtime, execution.Name));
            var test = history.Tests[index];
            if (test.Groups.Count > 0 && execution.Outcome is TestOutcome.Failed or TestOutcome.Passed)
            {
                test.Keep(execution);
            }
        }

        var outcomes = new RunOutcomes
        {
            Tests = [.. byTest.Keys],
            DurationsMs = [.. byTest.Values.Select(s => s.DurationMs)],
            Failures = [.. byTest.Where(t => t.Value.Group >= 0).Select(t => new RunFailure(t.Key, t.Value.Group, t.Value.Passed))],
            Skipped = [.. byTest.Where(t => t.Value.Group < 0 && !t.Value.Passed && t.Value.Other).Select(t => t.Key)],
        };
        var commit = executions.Select(e => e.Commit).FirstOrDefault(c => c is not null);
        return new HistoryRun(id, commit, startMs, outcomes);
    }

    private sealed class TestInRun
    {
        public int DurationMs { get; set; }

        public int Group { get; set; } = -1;

        public long LatestFailureNanos { get; set; }

        public bool Passed { get; set; }

        public bool Other { get; set; }
    }
}
