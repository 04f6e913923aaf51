namespace FlakyCollector.Analysis.Model;

/// <summary>
/// One child span of an execution: what it added to its label's <see cref="ChildSpanStats"/> (enough
/// to take it off again), and the span-level facts the detectors read: when it ran, under which
/// span, what it answered, and which service recorded it.
/// </summary>
/// <remarks>
/// An execution keeps one of these for every child span, so it is kept to 64 bytes: the duration
/// follows from start and end, and the five yes-or-no facts share an int with the span kind.
/// </remarks>
internal readonly record struct ChildSpanEntry
{
    private const int FlagBits = 5;
    private const int ErrorFlag = 1, ServerErrorFlag = 2, TimeoutFlag = 4, LateFlag = 8, FixtureFlag = 16;
    private const int KindLimit = int.MaxValue >> FlagBits;

    private readonly int _kindAndFlags;

    public ChildSpanEntry(ulong spanId, string label, bool error, bool serverError, bool timeout, bool late)
    {
        SpanId = spanId;
        Label = label;
        _kindAndFlags = (error ? ErrorFlag : 0) | (serverError ? ServerErrorFlag : 0) | (timeout ? TimeoutFlag : 0) | (late ? LateFlag : 0);
    }

    public ulong SpanId { get; }

    public string Label { get; }

    /// <summary>End minus start, never negative.</summary>
    public long DurationNanos => Math.Max(0, EndNanos - StartNanos);

    public bool Error => Has(ErrorFlag);

    public bool ServerError => Has(ServerErrorFlag);

    public bool Timeout => Has(TimeoutFlag);

    public bool Late => Has(LateFlag);

    public ulong ParentSpanId { get; init; }

    public long StartNanos { get; init; }

    public long EndNanos { get; init; }

    /// <summary>
    /// OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. A number beyond
    /// ±2^26, which no OTLP kind is, is kept as the nearest of those bounds.
    /// </summary>
    public int Kind
    {
        get => _kindAndFlags >> FlagBits;
        init => _kindAndFlags = (Math.Clamp(value, -KindLimit - 1, KindLimit) << FlagBits) | (_kindAndFlags & ((1 << FlagBits) - 1));
    }

    public int HttpStatusCode { get; init; }

    public string? ErrorType { get; init; }

    /// <summary>The <c>service.name</c> of the resource that recorded the span.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Work a fixture did for this test (setup, warm-up), read from the fixture's linked trace.</summary>
    public bool FromFixture
    {
        get => Has(FixtureFlag);
        init => _kindAndFlags = value ? _kindAndFlags | FixtureFlag : _kindAndFlags & ~FixtureFlag;
    }

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

    private bool Has(int flag) => (_kindAndFlags & flag) != 0;
}
