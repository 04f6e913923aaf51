namespace FlakyCollector.Tracing;

/// <summary>
/// A test assembly's or a test class's share of the run, gathered as its tests end: its span id,
/// the time from its first test's start to its last test's end, and the outcomes.
/// </summary>
internal sealed class SuiteRun(string name, string spanId, string? parentSpanId)
{
    private readonly object gate = new();
    private long start = long.MaxValue;
    private long end = long.MinValue;

    public string Name { get; } = name;

    public string SpanId { get; } = spanId;

    public string? ParentSpanId { get; } = parentSpanId;

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public long Start => start;

    public long End => end;

    public void Add(long testStart, long testEnd, TestOutcome outcome)
    {
        lock (gate)
        {
            start = Math.Min(start, testStart);
            end = Math.Max(end, testEnd);
            if (outcome == TestOutcome.Passed)
            {
                Passed++;
            }
            else if (outcome.IsFailure())
            {
                Failed++;
            }
            else
            {
                Skipped++;
            }
        }
    }

    /// <summary>The <c>test.suite.run.status</c> value, as the semantic conventions define it.</summary>
    public string Status(bool aborted) =>
        aborted ? "aborted" : Failed > 0 ? "failure" : Passed == 0 && Skipped > 0 ? "skipped" : "success";
}
