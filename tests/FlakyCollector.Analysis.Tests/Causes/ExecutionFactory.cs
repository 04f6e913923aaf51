using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Tests.Causes;

/// <summary>Builds <see cref="TestExecution"/>s directly, for detector tests that need exact figures.</summary>
internal static class ExecutionFactory
{
    private static ulong s_nextTrace = 1;

    public static TestExecution Make(
        string name,
        TestOutcome outcome,
        double startMs = 0,
        double durationMs = 100,
        string run = "run-1",
        long pid = 1,
        string? commit = null)
    {
        var execution = new TestExecution(Interlocked.Increment(ref s_nextTrace))
        {
            Name = name,
            DisplayName = name,
            RunId = run,
            ProcessId = pid,
            Commit = commit,
            StartNanos = (long)(startMs * 1e6),
            EndNanos = (long)((startMs + durationMs) * 1e6),
            Outcome = outcome,
            HasTestSpan = true,
        };
        return execution;
    }

    public static Dictionary<string, List<TestExecution>> ByRun(IEnumerable<TestExecution> executions) =>
        Analysis.Flakiness.FlakinessAnalyzer.GroupBy(executions, e => e.RunId);

    public static TestExecution WithChild(this TestExecution execution, string label, double ms, int errors = 0, int status = 0, bool http = false)
    {
        ref var stats = ref execution.ChildFor(label);
        stats.Count++;
        stats.TotalNanos += (long)(ms * 1e6);
        stats.MaxNanos = Math.Max(stats.MaxNanos, (long)(ms * 1e6));
        stats.Errors += errors;
        stats.ServerErrors += status >= 500 ? 1 : 0;
        stats.HttpStatusCode = Math.Max(stats.HttpStatusCode, status);
        stats.IsHttpClient |= http;
        return execution;
    }

    /// <summary>A child that began <paramref name="startMs"/> into the test and ended <paramref name="endMs"/> into it (past its duration: after the test).</summary>
    public static TestExecution WithWork(this TestExecution execution, string label, double startMs, double endMs, bool markedLate = false)
    {
        ref var stats = ref execution.ChildFor(label);
        stats.FirstStartNanos = execution.StartNanos + (long)(startMs * 1e6);
        stats.LastEndNanos = execution.StartNanos + (long)(endMs * 1e6);
        stats.Count++;
        stats.TotalNanos += (long)((endMs - startMs) * 1e6);
        stats.LateSpans += markedLate ? 1 : 0;
        return execution;
    }
}
