using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Aggregation;

/// <summary>
/// Folds spans into one <see cref="TestExecution"/> per trace as they stream past. Child spans that
/// arrive before their test span wait in the same map, bounded by <see cref="TraceReadOptions.PendingTraceLimit"/>.
/// One instance per reader partition; partitions are merged at the end.
/// </summary>
internal sealed class TraceAggregator(StringPool strings, TraceReadOptions options)
{
    private readonly Dictionary<UInt128, TestExecution> _traces = [];
    private readonly RuntimeLabels _runtimes = new();
    private int _pending;

    public long Spans { get; private set; }

    public long TestSpans { get; private set; }

    public long DuplicateTestSpans { get; private set; }

    public long DroppedSpans { get; private set; }

    /// <summary>Child spans seen a second time (same trace and span id, from another line or file); counted once.</summary>
    public long DuplicateSpans { get; private set; }

    public int TraceCount => _traces.Count;

    public void Add(ParsedSpan span)
    {
        Spans++;
        if (span.TestCaseName is not null)
        {
            AddTest(span);
        }
        else if (span.IsSuiteRun || (span.IsRoot && IsRunLevelName(span.Name)))
        {
            var trace = GetOrCreate(span.TraceId, countPending: false);
            trace.IsRunLevel = true;
        }
        else
        {
            if (span.IsUnfinished)
            {
                // Its end is only when the collector stopped waiting: counted late, and not as slow.
                span.EndNanos = span.StartNanos;
            }

            AddChild(span);
        }
    }

    /// <summary>Files a log record under its trace: with the test's execution, or waiting for it like a child span.</summary>
    public void AddLog(UInt128 traceId, LogMark mark)
    {
        if (!_traces.TryGetValue(traceId, out var execution))
        {
            if (_pending >= options.PendingTraceLimit)
            {
                return;
            }

            execution = GetOrCreate(traceId, countPending: true);
        }

        execution.AddLog(mark, options.RetainDetails, options.MaxDetailsPerExecution);
    }

    public void MergeFrom(TraceAggregator other)
    {
        Spans += other.Spans;
        TestSpans += other.TestSpans;
        DuplicateTestSpans += other.DuplicateTestSpans;
        DroppedSpans += other.DroppedSpans;
        DuplicateSpans += other.DuplicateSpans;
        foreach (var (id, theirs) in other._traces)
        {
            if (!_traces.TryGetValue(id, out var mine))
            {
                _traces.Add(id, theirs);
                continue;
            }

            if (theirs.HasTestSpan && mine.HasTestSpan)
            {
                DuplicateTestSpans++;
                TestSpans--;
            }

            // Keep the object that has the test facts and fold the other's children into it.
            var (kept, folded) = KeepsTestSpan(theirs, mine) ? (theirs, mine) : (mine, theirs);
            kept.IsRunLevel |= folded.IsRunLevel;
            DuplicateSpans += kept.MergeChildrenFrom(folded, options.MaxDetailsPerExecution);
            if (!ReferenceEquals(kept, mine))
            {
                _traces[id] = kept;
            }
        }
    }

    /// <summary>
    /// The executions whose test span was seen, each with the work of the fixtures that served it,
    /// in <see cref="ExecutionOrder"/> (not the map's, which follows the merge), and the count of
    /// child spans left in no test's evidence.
    /// </summary>
    public List<TestExecution> CompleteExecutions(out long orphanSpans)
    {
        orphanSpans = 0;
        var executions = new List<TestExecution>(_traces.Count);
        var fixtures = new HashSet<UInt128>();
        foreach (var trace in _traces.Values)
        {
            if (!trace.HasTestSpan)
            {
                continue;
            }

            executions.Add(trace);
            foreach (var fixtureId in trace.FixtureTraceIds)
            {
                if (_traces.TryGetValue(fixtureId, out var fixture) && !fixture.HasTestSpan && !fixture.IsRunLevel)
                {
                    trace.AddFixtureWork(fixture);
                    fixtures.Add(fixtureId);
                }
            }
        }

        foreach (var (id, trace) in _traces)
        {
            if (!trace.HasTestSpan && !trace.IsRunLevel && !fixtures.Contains(id))
            {
                orphanSpans += trace.ChildSpanCount;
            }
        }

        ExecutionOrder.Sort(executions);
        return executions;
    }

    private void AddTest(ParsedSpan span)
    {
        var execution = GetOrCreate(span.TraceId, countPending: false);
        if (execution.HasTestSpan)
        {
            DuplicateTestSpans++;
            return;
        }

        if (execution.ChildSpanCount > 0 && !execution.IsRunLevel)
        {
            _pending--;
        }

        TestSpans++;
        TestSpanFacts.Apply(span, execution, options.RetainDetails);
        execution.Runtime = _runtimes.Label(span);
    }

    private void AddChild(ParsedSpan span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var execution))
        {
            if (_pending >= options.PendingTraceLimit)
            {
                DroppedSpans++;
                return;
            }

            execution = GetOrCreate(span.TraceId, countPending: true);
        }

        if (execution.IsRunLevel)
        {
            return;
        }

        var label = SpanLabeler.Label(span, strings);
        if (!execution.AddChildEntry(ChildSpanFacts.Entry(span, label)))
        {
            DuplicateSpans++;
            return;
        }

        execution.ChildSpanCount++;
        ref var stats = ref execution.ChildFor(label);
        ChildSpanFacts.Add(ref stats, span);
        if (options.RetainDetails)
        {
            execution.AddDetail(ChildSpanFacts.Detail(span, label), options.MaxDetailsPerExecution);
        }
    }

    /// <summary>
    /// Whether <paramref name="theirs"/> holds the test span to keep: the only one, or of two (the
    /// same span read twice, or two test spans in one trace) the earlier, then the one of the
    /// smaller span id. One partition keeps the first it reads; between partitions, the one merged
    /// into the other must not decide which attempt's outcome is reported.
    /// </summary>
    private static bool KeepsTestSpan(TestExecution theirs, TestExecution mine)
    {
        if (!theirs.HasTestSpan || !mine.HasTestSpan)
        {
            return theirs.HasTestSpan;
        }

        return theirs.StartNanos != mine.StartNanos ? theirs.StartNanos < mine.StartNanos : theirs.SpanId < mine.SpanId;
    }

    private TestExecution GetOrCreate(UInt128 traceId, bool countPending)
    {
        if (!_traces.TryGetValue(traceId, out var execution))
        {
            execution = new TestExecution(traceId);
            _traces.Add(traceId, execution);
            if (countPending)
            {
                _pending++;
            }
        }

        return execution;
    }

    private static bool IsRunLevelName(string name) =>
        name.StartsWith("test run", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("test assembly", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("test suite", StringComparison.OrdinalIgnoreCase);
}
