using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Numbers the attempts of each test case, counts them into the run's structure, and keeps
/// or leaves out each one's span as the sampler decides. Only a rerun after a failure is another
/// attempt: an execution after a pass (TUnit's <c>[Repeat]</c>, NUnit's <c>[Repeat]</c>) is an
/// execution of its own, attempt 1, and the sampler, which keeps every later attempt, treats it
/// like any first run.
/// </summary>
internal sealed class TestSpanSelection(string? runId, RunStructure run, PassingTestSampler sampler)
{
    /// <summary>Tests the run settings' quarantine file lists; their spans are tagged <c>flakytrace.quarantined</c>.</summary>
    internal QuarantineList? Quarantine { get; init; }

    /// <summary>The service name set in the settings, else the test assembly's: what a quarantine entry's service is matched with.</summary>
    internal string? ServiceName { get; init; }

    // Only test cases whose last attempt failed, with that attempt's number: the next execution of
    // any other is attempt 1. One entry for every test of the run would hold its assembly path and
    // name to the end, some 300 bytes a test in vstest.console.
    private readonly ConcurrentDictionary<(string Source, string CaseName), int> failedAttempts = new();
    private volatile bool anyFailed;
    private int total;
    private int sampledOut;

    public int Total => total;

    public int SampledOut => sampledOut;

    /// <summary>Test cases whose last attempt failed: what is remembered to number the next one.</summary>
    internal int Remembered => failedAttempts.Count;

    /// <summary>The execution's test span, linked to its class in the run trace, or null when sampling leaves it out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SpanData? Select(CompletedTest execution)
    {
        var names = TestCaseNaming.Names(execution.FullyQualifiedName, execution.DisplayName);
        var caseName = names.Case;
        var attempt = Attempt(execution.Source, caseName, execution.Outcome.IsFailure());
        var unlinked = TestSpanBuilder.Build(execution, runId, attempt, TestResource.CollectorVersion, names: names);
        if (Quarantine is not null)
        {
            unlinked = Quarantine.Tag(unlinked, caseName, ServiceName ?? Path.GetFileNameWithoutExtension(execution.Source));
        }

        var link = run.Register(execution.Source, names.Suite, unlinked, execution.Outcome);
        Interlocked.Increment(ref total);
        if (sampler.Keep(unlinked.TraceId, unlinked.StatusCode == SpanStatusCode.Error, attempt))
        {
            return unlinked with { Links = [link] };
        }

        Interlocked.Increment(ref sampledOut);
        return null;
    }

    private int Attempt(string source, string caseName, bool failed)
    {
        var key = (source, caseName);
        if (failed)
        {
            anyFailed = true;
            return failedAttempts.AddOrUpdate(key, 1, (_, previous) => previous + 1);
        }

        // A run where nothing has failed yet, nearly every run, has nothing to look up.
        return anyFailed && failedAttempts.TryRemove(key, out var previous) ? previous + 1 : 1;
    }
}
