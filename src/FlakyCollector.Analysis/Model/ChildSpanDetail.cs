namespace FlakyCollector.Analysis.Model;

/// <summary>One child span kept for the HTML report's drill-down (only when details are requested).</summary>
public sealed record ChildSpanDetail(
    string Label,
    ulong SpanId,
    ulong ParentSpanId,
    long StartNanos,
    long EndNanos,
    bool IsError,
    int HttpStatusCode,
    string? ErrorText,
    bool MarkedLate = false);
