using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FlakyCollector.Testing;

/// <summary>
/// The trace of the running test in this process: the spans its work caused (HTTP calls, ASP.NET
/// Core requests served in process, the sources the run settings or <see cref="Listen"/> name), so
/// a test can assert on them and wait for one instead of sleeping. Works the same with and without
/// FlakyTrace collecting: untraced, the first use starts an in-memory listener that writes nothing.
/// </summary>
public sealed class TestTrace
{
    private readonly object gate = new();
    private readonly List<RecordedSpan> spans = [];
    private readonly List<SpanWaiter> waiters = [];

    internal TestTrace(ActivityTraceId traceId) => TraceId = traceId.ToHexString();

    /// <summary>
    /// The trace of the test running on this execution context, or null when the code runs inside
    /// a trace that is not a test's. Read it before the work to assert on: spans that end before
    /// the first use of this class in a process are not seen.
    /// </summary>
    public static TestTrace? Current => TestSpanListener.Shared.CurrentTrace();

    /// <summary>The trace id, 32 lower-case hex characters.</summary>
    public string TraceId { get; }

    /// <summary>The spans of this trace that have ended so far in this process, in the order they ended.</summary>
    public IReadOnlyList<RecordedSpan> Spans
    {
        get
        {
            lock (gate)
            {
                return spans.ToArray();
            }
        }
    }

    /// <summary>
    /// Also records the ActivitySources named, for every test of this process: exact names or
    /// prefixes ending in <c>*</c> (<c>Shop.*</c>), as in the run settings' ActivitySources.
    /// </summary>
    public static void Listen(params string[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        TestSpanListener.Shared.Listen(sources);
    }

    /// <summary>
    /// Completes with the first span of this trace that matches, at once if one has already ended,
    /// otherwise when one ends. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>,
    /// with the spans seen so far in its message.
    /// </summary>
    public async Task<RecordedSpan> WaitForSpanAsync(Func<RecordedSpan, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = new SpanWaiter(match);
        lock (gate)
        {
            if (spans.Find(s => match(s)) is { } ended)
            {
                return ended;
            }

            waiters.Add(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(DescribeTimeout(timeout));
        }
        finally
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Spans that ended before this trace was first read, ahead of those seen since.</summary>
    internal void AddEarlier(IReadOnlyList<RecordedSpan> earlier)
    {
        if (earlier.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            var seen = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
            spans.InsertRange(0, earlier.Where(s => !seen.Contains(s.SpanId)).OrderBy(s => s.End));
        }
    }

    internal void Add(RecordedSpan span)
    {
        List<SpanWaiter>? pending = null;
        lock (gate)
        {
            spans.Add(span);
            foreach (var waiter in waiters)
            {
                (pending ??= []).Add(waiter);
            }
        }

        // Conditions are the user's code: run them outside the lock.
        if (pending is not null)
        {
            foreach (var waiter in pending)
            {
                waiter.TryComplete(span);
            }
        }
    }

    private string DescribeTimeout(TimeSpan timeout)
    {
        var seen = Spans;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"No span of this test's trace matched within {timeout.TotalMilliseconds:0.#} ms. ");
        text.Append(CultureInfo.InvariantCulture, $"Spans seen ({seen.Count}):");
        foreach (var span in seen)
        {
            text.Append("\n  ").Append(span);
        }

        if (seen.Count == 0)
        {
            text.Append(" none");
        }

        text.Append("\nSources recorded: ").Append(TestSpanListener.Shared.DescribeSources())
            .Append(". Name others with TestTrace.Listen(\"MyCompany.*\").");
        return text.ToString();
    }
}
