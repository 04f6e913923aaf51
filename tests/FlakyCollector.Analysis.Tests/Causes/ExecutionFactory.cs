using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Tests.Causes;

/// <summary>Builds <see cref="TestExecution"/>s directly, for detector tests that need exact figures.</summary>
internal static class ExecutionFactory
{
    private static ulong s_nextTrace = 1;
    private static ulong s_nextSpan = 1;

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
            SpanId = Interlocked.Increment(ref s_nextSpan),
            ServiceName = "Shop.Tests",
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
        var start = execution.StartNanos + 1_000_000;
        execution.AddChildEntry(new ChildSpanEntry(Interlocked.Increment(ref s_nextSpan), label, errors > 0, status >= 500, false, false)
        {
            ParentSpanId = execution.SpanId,
            StartNanos = start,
            EndNanos = start + (long)(ms * 1e6),
            Kind = http ? 3 : 1,
            HttpStatusCode = status,
            ServiceName = execution.ServiceName,
        });
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
    public static TestExecution WithWork(this TestExecution execution, string label, double startMs, double endMs, bool markedLate = false) =>
        execution.WithSpan(label, startMs, endMs, late: markedLate);

    /// <summary>
    /// A child span with every span-level fact: <paramref name="startMs"/> and <paramref name="endMs"/>
    /// from the test's start, under <paramref name="parent"/> (the test when null), as
    /// <paramref name="kind"/> (1 internal, 2 server, 3 client) of <paramref name="service"/> (the test's own when null).
    /// </summary>
    public static TestExecution WithSpan(
        this TestExecution execution,
        string label,
        double startMs,
        double endMs,
        int kind = 1,
        int status = 0,
        string? errorType = null,
        bool error = false,
        ulong? parent = null,
        string? service = null,
        bool late = false,
        ulong? id = null)
    {
        var start = execution.StartNanos + (long)(startMs * 1e6);
        var end = execution.StartNanos + (long)(endMs * 1e6);
        var failed = error || errorType is not null || status >= 400;
        execution.AddChildEntry(new ChildSpanEntry(id ?? Interlocked.Increment(ref s_nextSpan), label, failed, status >= 500, false, late)
        {
            ParentSpanId = parent ?? execution.SpanId,
            StartNanos = start,
            EndNanos = end,
            Kind = kind,
            HttpStatusCode = status,
            ErrorType = errorType,
            ServiceName = service ?? execution.ServiceName,
        });
        ref var stats = ref execution.ChildFor(label);
        stats.FirstStartNanos = stats.Count == 0 ? start : Math.Min(stats.FirstStartNanos, start);
        stats.LastEndNanos = Math.Max(stats.LastEndNanos, end);
        stats.Count++;
        stats.TotalNanos += end - start;
        stats.MaxNanos = Math.Max(stats.MaxNanos, end - start);
        stats.Errors += failed ? 1 : 0;
        stats.ServerErrors += status >= 500 ? 1 : 0;
        stats.HttpStatusCode = Math.Max(stats.HttpStatusCode, status);
        stats.IsHttpClient |= kind == 3;
        stats.LateSpans += late ? 1 : 0;
        return execution;
    }

    public static ulong NextSpanId() => Interlocked.Increment(ref s_nextSpan);
}
