namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>
/// Simulates one <c>dotnet test</c> run of the sample suite: a random test order, a random degree
/// of parallelism (as xUnit's parallel collections would give), durations with jitter, then each
/// test's outcome from its behaviour and what actually happened around it in this run.
/// </summary>
internal sealed class SampleRunSimulator(Random random, IReadOnlyList<SampleTest>? catalog = null)
{
    // The race test waits this long before it checks the work it started.
    public const double RaceWaitMs = 150;

    // Thresholds of the simulated failure mechanisms, chosen so each flaky test fails in roughly a
    // fifth to a half of the runs.
    private const double IncidentProbability = 0.3;
    private const double RecoveredIncidentProbability = 0.1;
    private const double ContentionLimit = 3.0;

    private readonly IReadOnlyList<SampleTest> _tests = catalog ?? SampleCatalog.Tests;

    public List<SimulatedExecution> Simulate(long runStartNanos, bool outage = false)
    {
        var workers = random.Next(1, 7);
        var order = _tests.OrderBy(_ => random.Next()).ToList();
        var free = Enumerable.Repeat(runStartNanos + Ms(50), workers).ToArray();
        var executions = new List<SimulatedExecution>();
        foreach (var test in order)
        {
            var execution = new SimulatedExecution(test, Hex(16), Hex(8));
            var duration = test.MeanMs * (0.7 + (0.6 * random.NextDouble()));
            if (test.Behavior is SampleBehavior.SlowQuery or SampleBehavior.Unavailable503)
            {
                execution.Incident = random.NextDouble() < IncidentProbability;
                execution.RecoveredIncident = !execution.Incident && test.Behavior == SampleBehavior.Unavailable503 && random.NextDouble() < RecoveredIncidentProbability;
            }

            if (test.Behavior == SampleBehavior.SlowQuery && execution.Incident)
            {
                duration += 1500 + (random.NextDouble() * 800);
            }

            if (test.Behavior == SampleBehavior.Race)
            {
                duration = RaceWaitMs + 1 + random.NextDouble();
            }

            var worker = Array.IndexOf(free, free.Min());
            execution.StartNanos = free[worker] + Ms(1 + random.Next(3));
            execution.EndNanos = execution.StartNanos + Ms(duration);
            execution.Outage = outage && test.Behavior == SampleBehavior.Outage;
            if (test.Behavior == SampleBehavior.Race)
            {
                // Usually done well within the wait; now and then a slow mail server makes it late.
                var work = 70 + (50 * random.NextDouble()) + (random.NextDouble() < 0.3 ? 40 + (150 * random.NextDouble()) : 0);
                execution.WorkEndNanos = execution.StartNanos + Ms(2 + work);
            }

            free[worker] = execution.EndNanos;
            executions.Add(execution);
        }

        foreach (var execution in executions)
        {
            execution.Failed = Fails(execution, executions);
        }

        return executions;
    }

    private bool Fails(SimulatedExecution execution, List<SimulatedExecution> run) => execution.Test.Behavior switch
    {
        SampleBehavior.Broken => true,
        SampleBehavior.SlowQuery or SampleBehavior.Unavailable503 => execution.Incident,
        SampleBehavior.OrderDependent => run.Any(e => e.Test.Name == SampleCatalog.OrderPredecessor && e.EndNanos <= execution.StartNanos)
            && random.NextDouble() < 0.95,
        SampleBehavior.SharedState => run.Any(e => e.Test.Name == SampleCatalog.SharedStatePartner && e.Overlaps(execution)),
        SampleBehavior.Contention => Concurrency(execution, run) >= ContentionLimit,
        SampleBehavior.Race => execution.WorkEndNanos > execution.StartNanos + Ms(RaceWaitMs),
        SampleBehavior.Outage => execution.Outage,
        _ => false,
    };

    /// <summary>A retry of a failed execution (a <c>[Retry]</c> attribute, a rerun-failed-tests step): a new trace right after it.</summary>
    public SimulatedExecution Retry(SimulatedExecution failed)
    {
        var retry = new SimulatedExecution(failed.Test, Hex(16), Hex(8)) { Attempt = failed.Attempt + 1 };
        retry.StartNanos = failed.EndNanos + Ms(1);
        retry.EndNanos = retry.StartNanos + (failed.EndNanos - failed.StartNanos);
        retry.Incident = random.NextDouble() < IncidentProbability;
        retry.Failed = retry.Incident;
        return retry;
    }

    /// <summary>A test of a multi-targeted project run on one runtime, on its own worker.</summary>
    public SimulatedExecution OnRuntime(SampleTest test, string runtime, long startNanos)
    {
        var execution = new SimulatedExecution(test, Hex(16), Hex(8)) { Runtime = runtime };
        execution.StartNanos = startNanos;
        execution.EndNanos = startNanos + Ms(test.MeanMs * (0.7 + (0.6 * random.NextDouble())));
        execution.Failed = test.Behavior == SampleBehavior.RuntimeBound && runtime == CiHistoryCatalog.BrokenRuntime;
        return execution;
    }

    /// <summary>Time-weighted number of other tests running alongside.</summary>
    private static double Concurrency(SimulatedExecution execution, List<SimulatedExecution> run) =>
        run.Where(e => e != execution && e.Overlaps(execution))
            .Sum(e => (double)(Math.Min(e.EndNanos, execution.EndNanos) - Math.Max(e.StartNanos, execution.StartNanos)))
        / Math.Max(1, execution.EndNanos - execution.StartNanos);

    private string Hex(int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    private static long Ms(double milliseconds) => (long)(milliseconds * 1_000_000);
}
