namespace FlakyCollector.Analysis.Model;

/// <summary>
/// What the spans under one test execution that share a label added up to: one entry per label
/// per execution, however many spans there were, so memory follows executions, not spans.
/// </summary>
public struct ChildSpanStats
{
    /// <summary>Stable label: <c>HTTP {method} {server}{path}</c> for HTTP client spans, else the span name.</summary>
    public string Label { readonly get; internal set; }

    public bool IsHttpClient { readonly get; internal set; }

    public int Count { readonly get; internal set; }

    public long TotalNanos { readonly get; internal set; }

    public long MaxNanos { readonly get; internal set; }

    /// <summary>Spans with status Error.</summary>
    public int Errors { readonly get; internal set; }

    /// <summary>Spans with an HTTP status of 500 or more.</summary>
    public int ServerErrors { readonly get; internal set; }

    /// <summary>Spans that timed out (HTTP 408/504, or an error type naming a timeout or cancellation).</summary>
    public int Timeouts { readonly get; internal set; }

    /// <summary>The highest HTTP status seen (a 503 outranks the 200 of a retry), 0 when none.</summary>
    public int HttpStatusCode { readonly get; internal set; }

    public string? ErrorType { readonly get; internal set; }

    /// <summary>The start of the span whose <see cref="ErrorType"/> is kept: it decides between two partitions' types.</summary>
    internal long ErrorStartNanos { readonly get; set; }

    /// <summary>The earliest start of a span with this label (Unix nanoseconds).</summary>
    public long FirstStartNanos { readonly get; internal set; }

    /// <summary>The latest end of a span with this label: with the test's end, it tells a span that outlived its test.</summary>
    public long LastEndNanos { readonly get; internal set; }

    /// <summary>Spans the collector marked <c>flakytrace.span.late</c> (ended after their test).</summary>
    public int LateSpans { readonly get; internal set; }

    public readonly bool HasProblem => Errors > 0 || ServerErrors > 0 || Timeouts > 0;

    /// <summary>
    /// Folds another reader partition's part of the same label in. Partitions merge in whatever
    /// order their threads finish, so of two error types the one of the earlier span is kept (of
    /// two starting together, the ordinally first), never the one merged first. Within a partition
    /// the first error read is kept (<c>ChildSpanFacts.Add</c>), as with one reader: comparing
    /// starts there would change one reader's report, and spans are mostly read in the order they
    /// ran, where the two rules agree.
    /// </summary>
    internal void Merge(in ChildSpanStats other)
    {
        if (other.Count == 0)
        {
            return;
        }

        AddFigures(other);
        if (other.ErrorType is not null && (ErrorType is null || ErrorsEarlier(other)))
        {
            ErrorType = other.ErrorType;
            ErrorStartNanos = other.ErrorStartNanos;
        }
    }

    /// <summary>
    /// Folds a fixture's work on this label into a test's. The test's own error type names what it
    /// hit; the fixture's, though earlier, only stands in when the test's spans had none.
    /// </summary>
    internal void MergeFixture(in ChildSpanStats fixture)
    {
        if (fixture.Count == 0)
        {
            return;
        }

        AddFigures(fixture);
        if (ErrorType is null)
        {
            ErrorType = fixture.ErrorType;
            ErrorStartNanos = fixture.ErrorStartNanos;
        }
    }

    private readonly bool ErrorsEarlier(in ChildSpanStats other) =>
        other.ErrorStartNanos != ErrorStartNanos
            ? other.ErrorStartNanos < ErrorStartNanos
            : string.CompareOrdinal(other.ErrorType, ErrorType) < 0;

    private void AddFigures(in ChildSpanStats other)
    {
        FirstStartNanos = Count == 0 ? other.FirstStartNanos : Math.Min(FirstStartNanos, other.FirstStartNanos);
        LastEndNanos = Math.Max(LastEndNanos, other.LastEndNanos);
        LateSpans += other.LateSpans;
        Count += other.Count;
        TotalNanos += other.TotalNanos;
        MaxNanos = Math.Max(MaxNanos, other.MaxNanos);
        Errors += other.Errors;
        ServerErrors += other.ServerErrors;
        Timeouts += other.Timeouts;
        HttpStatusCode = Math.Max(HttpStatusCode, other.HttpStatusCode);
        IsHttpClient |= other.IsHttpClient;
    }
}
