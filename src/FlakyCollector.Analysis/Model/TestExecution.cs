namespace FlakyCollector.Analysis.Model;

/// <summary>
/// One execution of one test: its test span's facts and the summaries of the spans under it.
/// While reading, an instance also stands for a trace whose test span has not arrived yet.
/// </summary>
public sealed partial class TestExecution
{
    internal TestExecution(UInt128 traceId) => TraceId = traceId;

    public UInt128 TraceId { get; }

    public string TraceIdHex => TraceId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public ulong SpanId { get; internal set; }

    /// <summary><c>test.case.name</c>: the fully qualified name, including data-row arguments.</summary>
    public string Name { get; internal set; } = "";

    public string DisplayName { get; internal set; } = "";

    public string? Suite { get; internal set; }

    public string RunId { get; internal set; } = "";

    /// <summary><c>flakytrace.testhost.pid</c>; with the run id it identifies the test process.</summary>
    public long ProcessId { get; internal set; }

    /// <summary><c>vcs.ref.head.revision</c>, or null when the run recorded none.</summary>
    public string? Commit { get; internal set; }

    public string? ServiceName { get; internal set; }

    /// <summary>The runtime the test ran on (".NET 8", ".NET 10"), from the resource's <c>process.runtime.*</c>; null when not recorded.</summary>
    public string? Runtime { get; internal set; }

    public long StartNanos { get; internal set; }

    public long EndNanos { get; internal set; }

    public long DurationNanos => Math.Max(0, EndNanos - StartNanos);

    public TestOutcome Outcome { get; internal set; }

    public int Attempt { get; internal set; } = 1;

    public string? ErrorType { get; internal set; }

    public string? ErrorMessage { get; internal set; }

    /// <summary>Kept only when details are requested (the HTML report).</summary>
    public string? StackTrace
    {
        get => _records?.StackTrace;
        internal set
        {
            if (value is not null || _records is not null)
            {
                Records.StackTrace = value;
            }
        }
    }

    /// <summary>Failed before its body ran: the fixture or setup that served it failed (see <see cref="Causes.SetupFailures"/>).</summary>
    public bool FailedInSetup { get; internal set; }

    public IReadOnlyList<ChildSpanStats> Children =>
        _childView ??= _children is null ? Array.Empty<ChildSpanStats>() : new ArraySegment<ChildSpanStats>(_children, 0, _childCount);

    public IReadOnlyList<ChildSpanDetail> Details => (IReadOnlyList<ChildSpanDetail>?)_records?.Details ?? [];

    /// <summary>The masked templates of the log records in this execution's trace, each once.</summary>
    public IReadOnlyCollection<string> LogTemplates => (IReadOnlyCollection<string>?)_records?.LogTemplates ?? [];

    /// <summary>The log records themselves, kept only when details are requested (the HTML report), at most the detail limit.</summary>
    public IReadOnlyList<LogMark> Logs => (IReadOnlyList<LogMark>?)_records?.Logs ?? [];

    /// <summary>The child summaries without an allocation, for the analysis's inner loops.</summary>
    internal ReadOnlySpan<ChildSpanStats> ChildSpans => _children.AsSpan(0, _childCount);

    /// <summary>Every child span counted, with its span-level facts, fixture work included.</summary>
    internal IEnumerable<ChildSpanEntry> Spans => _ledger.Entries;

    /// <summary>Traces of the fixtures that served this test, from the test span's links of type <c>fixture</c>.</summary>
    internal IReadOnlyList<UInt128> FixtureTraceIds { get; set; } = [];

    internal bool HasTestSpan { get; set; }

    internal bool IsRunLevel { get; set; }

    internal int ChildSpanCount { get; set; }

    private ChildSpanLedger _ledger;
    private ChildSpanStats[]? _children;
    private int _childCount;
    private IReadOnlyList<ChildSpanStats>? _childView;
    private ExecutionRecords? _records;

    private ExecutionRecords Records => _records ??= new();

    internal void AddLog(LogMark mark, bool retainDetails, int limit)
    {
        var records = Records;
        (records.LogTemplates ??= new HashSet<string>(StringComparer.Ordinal)).Add(mark.Template);
        if (retainDetails)
        {
            var logs = records.Logs ??= [];
            if (logs.Count < limit)
            {
                logs.Add(mark);
            }
        }
    }

    /// <summary>The stats entry for <paramref name="label"/>, created when missing.</summary>
    internal ref ChildSpanStats ChildFor(string label)
    {
        for (var i = 0; i < _childCount; i++)
        {
            var existing = _children![i].Label;
            if (ReferenceEquals(existing, label) || existing == label)
            {
                return ref _children[i];
            }
        }

        if (_children is null || _childCount == _children.Length)
        {
            Array.Resize(ref _children, _children is null ? ChildCapacity.First : ChildCapacity.After(_children.Length));
        }

        _childView = null;
        _children[_childCount] = new ChildSpanStats { Label = label };
        return ref _children[_childCount++];
    }

    internal void AddDetail(ChildSpanDetail detail, int limit)
    {
        var details = Records.Details ??= [];
        if (details.Count < limit)
        {
            details.Add(detail);
        }
    }

    /// <summary>Records a child span; false when this span (by id) was already counted.</summary>
    internal bool AddChildEntry(in ChildSpanEntry entry) => entry.SpanId == 0 || _ledger.Add(entry);

    /// <summary>
    /// Takes a fixture's spans into this test's evidence: the fixture set up what the test ran
    /// against, so its failed warm-up is this test's failure too. Fixture spans keep their own
    /// times, before the test's start.
    /// </summary>
    internal void AddFixtureWork(TestExecution fixture)
    {
        foreach (var entry in fixture._ledger.Entries)
        {
            if (_ledger.Add(entry with { FromFixture = true }))
            {
                ChildSpanCount++;
            }
        }

        for (var i = 0; i < fixture._childCount; i++)
        {
            ChildFor(fixture._children![i].Label).MergeFixture(fixture._children[i]);
        }
    }
}
