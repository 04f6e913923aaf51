using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Rendering;

namespace FlakyCollector.Analysis.Tests.Aggregation;

/// <summary>
/// Two reader threads fold different files into their partitions, and which partition is merged
/// into which depends on which thread read more: the report must not follow either.
/// </summary>
public sealed class TraceAggregatorOrderTests
{
    private static readonly TraceReadOptions Options = new();

    [Fact]
    public void CompleteExecutions_PartitionsMergedEitherWay_SameReport()
    {
        // Run 1 on commit bbb (read by one thread), run 2 on commit aaa (read by the other);
        // the test passed and failed on both, so both commits are listed for it.
        Span[] first = [new(1, "A.One", "run-1", "bbb", 100, true), new(2, "A.One", "run-1", "bbb", 200, false)];
        Span[] second = [new(3, "A.One", "run-2", "aaa", 300, true), new(4, "A.One", "run-2", "aaa", 400, false)];

        var oneWay = Report(Merged(first, second));
        var otherWay = Report(Merged(second, first));

        Assert.Equal(oneWay, otherWay);
        Assert.Contains("\"bbb\",", oneWay, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteExecutions_OrdersByStartThenNameThenTraceId()
    {
        var executions = Merged(
            [new(9, "B.Two", "run", null, 100, true), new(5, "A.One", "run", null, 200, true)],
            [new(7, "B.Two", "run", null, 100, true), new(3, "A.One", "run", null, 100, true)]);

        Assert.Equal([(UInt128)3, 7, 9, 5], executions.Select(e => e.TraceId));
    }

    private static List<TestExecution> Merged(Span[] first, Span[] second)
    {
        var strings = new StringPool();
        var into = Partition(strings, first);
        into.MergeFrom(Partition(strings, second));
        return into.CompleteExecutions(out _);
    }

    private static TraceAggregator Partition(StringPool strings, Span[] spans)
    {
        var aggregator = new TraceAggregator(strings, Options);
        foreach (var span in spans)
        {
            aggregator.Add(new ParsedSpan
            {
                TraceId = span.TraceId,
                SpanId = span.TraceId,
                Name = span.Test,
                TestCaseName = span.Test,
                RunId = span.RunId,
                Commit = span.Commit,
                StartNanos = span.StartNanos,
                EndNanos = span.StartNanos + 10,
                TestResultStatus = span.Passed ? "pass" : "fail",
            });
        }

        return aggregator;
    }

    private static string Report(List<TestExecution> executions)
    {
        var report = FlakinessAnalyzer.Analyze(new TraceCorpus(executions, new InputSummary()));
        using var stream = new MemoryStream();
        JsonReportWriter.Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed record Span(ulong TraceId, string Test, string RunId, string? Commit, long StartNanos, bool Passed);
}
