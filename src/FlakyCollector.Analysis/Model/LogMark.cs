namespace FlakyCollector.Analysis.Model;

/// <summary>
/// A log record in a test's trace: when, under which span, how severe, what it said, and its
/// template (the message template where the record has one, else the message) with numbers, ids
/// and times masked, so that the same line from two runs is one template.
/// </summary>
public sealed record LogMark(long TimeNanos, ulong SpanId, int Severity, string Body, string Template);
