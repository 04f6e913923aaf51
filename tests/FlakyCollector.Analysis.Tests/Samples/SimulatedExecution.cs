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

    public bool Overlaps(SimulatedExecution other) => other.StartNanos < EndNanos && other.EndNanos > StartNanos;
}
