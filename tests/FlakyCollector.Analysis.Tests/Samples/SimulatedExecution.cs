namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>One test execution of a simulated run, before it is turned into spans.</summary>
internal sealed class SimulatedExecution(SampleTest test, string traceId, string spanId)
{
    public SampleTest Test { get; } = test;

    public string TraceId { get; } = traceId;

    public string SpanId { get; } = spanId;

    public long StartNanos { get; set; }

    public long EndNanos { get; set; }

    /// <summary>The slow query happened (SlowQuery) or the dependency answered 503 (Unavailable503).</summary>
    public bool Incident { get; set; }

    /// <summary>A 503 that a retry recovered from: a problem span in a passing run.</summary>
    public bool RecoveredIncident { get; set; }

    public bool Failed { get; set; }

    /// <summary>Race: when the background work the test started ends.</summary>
    public long WorkEndNanos { get; set; }

    /// <summary>Outage: the run's dependency is down.</summary>
    public bool Outage { get; set; }

    /// <summary>RuntimeBound: the runtime the test process runs on (".NET 8", ".NET 10").</summary>
    public string? Runtime { get; set; }

    public int Attempt { get; set; } = 1;

    public bool Overlaps(SimulatedExecution other) => other.StartNanos < EndNanos && other.EndNanos > StartNanos;
}
