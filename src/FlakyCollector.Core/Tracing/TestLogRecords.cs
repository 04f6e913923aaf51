using FlakyCollector.Recording.Logs;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// The log records of one finished test: what <c>ILogger</c> logged in its trace (recorded in the
/// test process), and what it wrote to its output as the framework captured it, one record per
/// line under the test's span. The runner reports the output only at the end, so those records
/// carry the test's end time. Records of earlier tests' traces, written after those were reported,
/// come with it too and are kept where <c>isKeptLate</c> says their test was.
/// </summary>
internal static class TestLogRecords
{
    public static IReadOnlyList<LogRecordData> Of(CompletedTest test, IReadOnlyList<SpanData> keptTestSpans, Func<string, bool> isKeptLate)
    {
        var payload = test.Payload;
        if (payload?.Logs is null or { Count: 0 } && string.IsNullOrEmpty(test.Output) && string.IsNullOrEmpty(test.ErrorOutput))
        {
            return []; // most tests: no log record and no output, so no set, list or budget to make
        }

        var own = (payload?.PreviousAttempts ?? []).Select(s => s.TraceId).Append(payload?.TestSpan?.TraceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kept = keptTestSpans.Select(s => s.TraceId).ToHashSet(StringComparer.Ordinal);
        var records = (payload?.Logs ?? [])
            .Where(r => r.TraceId is { } trace && (kept.Contains(trace) || (!own.Contains(trace) && isKeptLate(trace))))
            .ToList();
        if (keptTestSpans.Count == 0)
        {
            return records;
        }

        var reported = keptTestSpans[^1];
        var budget = new LogBudget(LogNames.DefaultMaxRecords, LogNames.DefaultMaxBytes);
        AddLines(budget, test.Output, reported, LogNames.StdoutOrigin, 9, "Information");
        AddLines(budget, test.ErrorOutput, reported, LogNames.StderrOrigin, 13, "Warning");
        records.AddRange(budget.Take().Records);
        return records;
    }

    private static void AddLines(LogBudget budget, string? output, SpanData test, string origin, int severity, string severityText)
    {
        if (string.IsNullOrEmpty(output))
        {
            return;
        }

        foreach (var line in output.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            budget.Add(new LogRecordData
            {
                TimeUnixNano = test.EndTimeUnixNano,
                TraceId = test.TraceId,
                SpanId = test.SpanId,
                SeverityNumber = severity,
                SeverityText = severityText,
                Body = text,
                Category = LogNames.TestOutputScope,
                Origin = origin,
            });
        }
    }
}
