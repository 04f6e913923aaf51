using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// A history's detailed runs as test executions, so <c>analyze</c> can read a history beside
/// trace files: one execution per test and run, with its outcome, duration, commit and failure
/// example; where the history kept the execution whole, that one, children included. Compacted
/// months have no executions and are not part of it.
/// </summary>
public static class HistoryExecutions
{
    /// <summary>Executions of the history's runs that <paramref name="skipRuns"/> (runs read from traces) does not hold.</summary>
    public static List<TestExecution> Of(TestHistory history, IReadOnlySet<string> skipRuns)
    {
        var kept = history.Tests
            .SelectMany((t, i) => t.Failing.Concat(t.Passing).Select(e => (Test: i, Execution: e)))
            .GroupBy(x => (x.Test, x.Execution.RunId))
            .ToDictionary(g => g.Key, g => g.First().Execution);
        var executions = new List<TestExecution>();
        foreach (var run in history.Runs)
        {
            if (skipRuns.Contains(run.Id))
            {
                continue;
            }

            var outcomes = run.Outcomes;
            for (var i = 0; i < outcomes.Tests.Length; i++)
            {
                var index = outcomes.Tests[i];
                if (kept.TryGetValue((index, run.Id), out var whole))
                {
                    executions.Add(whole);
                    continue;
                }

                executions.Add(Synthesize(history.Tests[index], run, index, outcomes, i));
            }
        }

        return executions;
    }

    private static TestExecution Synthesize(HistoryTest test, HistoryRun run, int index, RunOutcomes outcomes, int position)
    {
        var failure = outcomes.FailureIndex(index);
        var start = run.StartMs * 1_000_000;
        var execution = new TestExecution(((UInt128)(ulong)run.Id.GetHashCode(StringComparison.Ordinal) << 64) | (uint)index)
        {
            Name = test.Identity.Name,
            DisplayName = test.Identity.Name,
            ServiceName = test.Identity.Service,
            Runtime = test.Identity.Runtime,
            RunId = run.Id,
            Commit = run.Commit,
            StartNanos = start,
            EndNanos = start + (outcomes.DurationsMs[position] * 1_000_000L),
            HasTestSpan = true,
            Outcome = failure >= 0 ? TestOutcome.Failed : outcomes.SkippedOnly(index) ? TestOutcome.Skipped : TestOutcome.Passed,
        };
        if (failure >= 0)
        {
            execution.ErrorMessage = test.Groups[outcomes.Failures[failure].Group].Example;
        }

        return execution;
    }
}
