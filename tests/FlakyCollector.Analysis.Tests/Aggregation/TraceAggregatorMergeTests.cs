using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Aggregation;

/// <summary>
/// One trace whose spans were read by several reader threads (it straddles chunk boundaries, or it
/// was read twice from two files): which partition is merged into which follows the threads, so
/// everything the execution shows must come out the same in every merge order.
/// </summary>
public sealed class TraceAggregatorMergeTests
{
    private const ulong TraceId = 7;
    private const string Call = "HTTP GET inventory/stock";

    // The test span is in a partition of its own in these, as a chunk boundary can leave it: a
    // partition holding the test span always receives the others, so with two partitions only
    // those without it would be merged into each other.
    [Fact]
    public void MergeFrom_ChildErrorTypesInSeveralPartitions_EarliestErrorEveryWay()
    {
        var merged = MergedEveryWay(
            new([Test(spanId: 1, start: 0, passed: false), Child(11, start: 200)]),
            new([Child(12, start: 150, errorType: "System.Net.Http.HttpRequestException")]),
            new([Child(13, start: 100, errorType: "System.TimeoutException")]));

        Assert.Equal("System.TimeoutException", merged.Children.Single().ErrorType);
        Assert.Equal(2, merged.Children.Single().Errors);
    }

    [Fact]
    public void MergeFrom_ChildErrorsStartingTogether_OrdinallyFirstTypeEveryWay()
    {
        var merged = MergedEveryWay(
            new([Test(spanId: 1, start: 0, passed: false), Child(11, start: 200)]),
            new([Child(12, start: 150, errorType: "System.TimeoutException")]),
            new([Child(13, start: 150, errorType: "System.Net.Http.HttpRequestException")]));

        Assert.Equal("System.Net.Http.HttpRequestException", merged.Children.Single().ErrorType);
    }

    [Theory]
    [InlineData(3, new ulong[] { 16, 12, 14 })]
    [InlineData(100, new ulong[] { 16, 12, 14, 13, 15, 11 })]
    public void MergeFrom_DetailsInSeveralPartitions_EarliestWithinTheLimitEveryWay(int limit, ulong[] expected)
    {
        var merged = MergedEveryWayKeeping(
            limit,
            new([Test(spanId: 1, start: 0, passed: true), Child(11, start: 50), Child(12, start: 10), Child(13, start: 30)]),
            new([Child(14, start: 20), Child(15, start: 40), Child(12, start: 10)]),
            new([Child(16, start: 5)]));

        Assert.Equal(expected, merged.Details.Select(d => d.SpanId));
        Assert.Equal(6, merged.Children.Single().Count);
    }

    [Theory]
    [InlineData(3, new long[] { 1, 5, 10 })]
    [InlineData(100, new long[] { 1, 5, 10, 20, 30, 40 })]
    public void MergeFrom_LogsInSeveralPartitions_EarliestWithinTheLimitEveryWay(int limit, long[] expected)
    {
        var merged = MergedEveryWayKeeping(
            limit,
            new([Test(spanId: 1, start: 0, passed: true)], [Log(30, "stock reserved"), Log(10, "cache refreshed")]),
            new([], [Log(20, "retrying"), Log(5, "connected")]),
            new([], [Log(40, "cache refreshed"), Log(1, "connecting")]));

        Assert.Equal(expected, merged.Logs.Select(l => l.TimeNanos));
    }

    [Fact]
    public void MergeFrom_LogTemplatesInSeveralPartitions_SameTemplatesInTheSameOrderEveryWay()
    {
        var merged = MergedEveryWay(
            new([Test(spanId: 1, start: 0, passed: true)], [Log(30, "stock reserved")]),
            new([], [Log(20, "retrying"), Log(5, "connected")]),
            new([], [Log(40, "cache refreshed"), Log(1, "connected")]));

        Assert.Equal(4, merged.LogTemplates.Count);
    }

    [Fact]
    public void MergeFrom_TestSpanInBothPartitions_EarlierTestSpanEitherWay()
    {
        // Two test spans in one trace (a retry recorded under the same trace): the first attempt
        // failed, the second passed.
        var merged = MergedEveryWay(
            new([Test(spanId: 2, start: 300, passed: true), Child(11, start: 310)]),
            new([Test(spanId: 1, start: 100, passed: false), Child(12, start: 110)]));

        Assert.Equal(TestOutcome.Failed, merged.Outcome);
        Assert.Equal(1UL, merged.SpanId);
        Assert.Equal(2, merged.ChildSpanCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void MergeFrom_SameChildSpansInSeveralPartitions_CountedOnceEveryWay(int children)
    {
        // The same trace read from two files (the collector's and an OpenTelemetry Collector's
        // export): every child span in two partitions, each past the ledger's linear search when
        // there are 40, and a third partition with half of them again and one of its own.
        var all = Enumerable.Range(0, children).Select(i => Child((ulong)(100 + i), start: 10 * i)).ToArray();
        var merged = MergedEveryWay(
            new([Test(spanId: 1, start: 0, passed: true), .. all]),
            new([.. all.Reverse()]),
            new([.. all.Where((_, i) => i % 2 == 0), Child(99, start: 7)]));

        Assert.Equal(children + 1, merged.ChildSpanCount);
        Assert.Equal(children + 1, merged.Children.Single().Count);
        Assert.Equal(children + 1, merged.Spans.Select(s => s.SpanId).Distinct().Count());
        Assert.Equal((children + 1) * 5L, merged.Children.Single().TotalNanos);
    }

    /// <summary>Merges the partitions in every order, as the console report reads them: summaries only, no details.</summary>
    private static TestExecution MergedEveryWay(params Part[] parts) => MergedWith(new TraceReadOptions(), parts);

    /// <summary>As the HTML report reads them: up to <paramref name="limit"/> child spans and log records kept.</summary>
    private static TestExecution MergedEveryWayKeeping(int limit, params Part[] parts) =>
        MergedWith(new TraceReadOptions { RetainDetails = true, MaxDetailsPerExecution = limit }, parts);

    /// <summary>Merges the partitions in every order and checks that all orders show the same execution and counts.</summary>
    private static TestExecution MergedWith(TraceReadOptions options, Part[] parts)
    {
        var results = Orders(parts).Select(order => Merged(order, options)).ToList();
        foreach (var result in results.Skip(1))
        {
            Assert.Equal(results[0].Counts, result.Counts);
            Assert.Equal(Observed(results[0].Execution), Observed(result.Execution));
        }

        return results[0].Execution;
    }

    private static IEnumerable<Part[]> Orders(Part[] parts) => parts.Length <= 1
        ? [parts]
        : parts.SelectMany((first, i) => Orders([.. parts.Where((_, j) => j != i)]).Select(rest => (Part[])[first, .. rest]));

    private static (TestExecution Execution, string Counts) Merged(Part[] order, TraceReadOptions options)
    {
        var strings = new StringPool();
        var aggregator = Partition(order[0], strings, options);
        foreach (var part in order.Skip(1))
        {
            aggregator.MergeFrom(Partition(part, strings, options));
        }

        var execution = aggregator.CompleteExecutions(out var orphans).Single();
        return (execution, $"{aggregator.Spans} {aggregator.TestSpans} {aggregator.DuplicateTestSpans} {aggregator.DuplicateSpans} {orphans}");
    }

    private static TraceAggregator Partition(Part part, StringPool strings, TraceReadOptions options)
    {
        var aggregator = new TraceAggregator(strings, options);
        foreach (var span in part.Spans)
        {
            aggregator.Add(span);
        }

        foreach (var log in part.Logs)
        {
            aggregator.AddLog(TraceId, log);
        }

        return aggregator;
    }

    /// <summary>Everything of the execution that a report or a history shows, as text to compare.</summary>
    private static string Observed(TestExecution e) => string.Join(
        "\n",
        [
            $"{e.SpanId} {e.StartNanos} {e.Outcome} {e.ChildSpanCount}",
            .. e.Children.Select(c => $"{c.Label} {c.Count} {c.Errors} {c.ErrorType} {c.FirstStartNanos} {c.TotalNanos}"),
            .. e.Details.Select(d => d.ToString()),
            .. e.Logs.Select(l => l.ToString()),
            string.Join(",", e.LogTemplates),
        ]);

    private static ParsedSpan Test(ulong spanId, long start, bool passed) => new()
    {
        TraceId = TraceId,
        SpanId = spanId,
        Name = "Stock.Reserve",
        TestCaseName = "Shop.Tests.Stock.Reserve",
        RunId = "run-1",
        StartNanos = start,
        EndNanos = start + 1_000,
        TestResultStatus = passed ? "pass" : "fail",
    };

    private static ParsedSpan Child(ulong spanId, long start, string? errorType = null) => new()
    {
        TraceId = TraceId,
        SpanId = spanId,
        ParentSpanId = 1,
        Name = Call,
        StartNanos = start,
        EndNanos = start + 5,
        StatusCode = errorType is null ? 0 : 2,
        ErrorType = errorType,
    };

    private static LogMark Log(long time, string template) => new(time, 1, 9, template, template);

    private sealed record Part(ParsedSpan[] Spans, LogMark[]? LogRecords = null)
    {
        public LogMark[] Logs => LogRecords ?? [];
    }
}
