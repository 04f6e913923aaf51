namespace FlakyCollector.Analysis.Model;

/// <summary>
/// One child span of an execution: what it added to its label's <see cref="ChildSpanStats"/> (enough
/// to take it off again), and the span-level facts the detectors read: when it ran, under which
/// span, what it answered, and which service recorded it.
/// </summary>
internal readonly record struct ChildSpanEntry(ulong SpanId, string Label, long DurationNanos, bool Error, bool ServerError, bool Timeout, bool Late)
{
    public ulong ParentSpanId { get; init; }

    public long StartNanos { get; init; }

    public long EndNanos { get; init; }

    /// <summary>OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</summary>
    public int Kind { get; init; }

    public int HttpStatusCode { get; init; }

    public string? ErrorType { get; init; }

    /// <summary>The <c>service.name</c> of the resource that recorded the span.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Work a fixture did for this test (setup, warm-up), read from the fixture's linked trace.</summary>
    public bool FromFixture { get; init; }

    public SpanFailure Failure => SpanFailures.Classify(this);

    /// <summary>Undoes this span's share of the additive figures; maxima and minima are unchanged by a second copy.</summary>
    public void Remove(ref ChildSpanStats stats)
    {
        stats.Count--;
        stats.TotalNanos -= DurationNanos;
        stats.Errors -= Error ? 1 : 0;
        stats.ServerErrors -= ServerError ? 1 : 0;
        stats.Timeouts -= Timeout ? 1 : 0;
        stats.LateSpans -= Late ? 1 : 0;
    }
}
