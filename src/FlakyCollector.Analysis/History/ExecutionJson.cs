using System.Globalization;
using System.Text.Json;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.History;

/// <summary>A kept execution in the history file: the test span's facts the detectors read, and one array per child label.</summary>
internal static class ExecutionJson
{
    public static void Write(Utf8JsonWriter json, TestExecution execution)
    {
        json.WriteStartObject();
        json.WriteString("trace", execution.TraceIdHex);
        json.WriteString("run", execution.RunId);
        if (execution.Commit is not null)
        {
            json.WriteString("commit", execution.Commit);
        }

        json.WriteNumber("start", execution.StartNanos);
        json.WriteNumber("end", execution.EndNanos);
        json.WriteString("outcome", execution.Outcome == TestOutcome.Failed ? "fail" : "pass");
        if (execution.Outcome == TestOutcome.Failed)
        {
            json.WriteString("error", Flakiness.FailureHeadlines.Headline(execution.ErrorType, execution.ErrorMessage));
        }

        json.WriteStartArray("children");
        foreach (var c in execution.Children)
        {
            json.WriteStartArray();
            json.WriteStringValue(c.Label);
            json.WriteNumberValue(c.IsHttpClient ? 1 : 0);
            json.WriteNumberValue(c.Count);
            json.WriteNumberValue(c.TotalNanos);
            json.WriteNumberValue(c.MaxNanos);
            json.WriteNumberValue(c.Errors);
            json.WriteNumberValue(c.ServerErrors);
            json.WriteNumberValue(c.Timeouts);
            json.WriteNumberValue(c.HttpStatusCode);
            if (c.ErrorType is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(c.ErrorType);
            }

            json.WriteNumberValue(c.FirstStartNanos);
            json.WriteNumberValue(c.LastEndNanos);
            json.WriteNumberValue(c.LateSpans);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        WriteSpans(json, execution);
        if (execution.LogTemplates.Count > 0)
        {
            json.WriteStartArray("logs");
            foreach (var template in execution.LogTemplates.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(template);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// The span-level facts the detectors read beside the per-label figures (when a call ran, under
    /// which span, what it answered, which service recorded it), so that a verdict read from the
    /// history is the one the trace files give.
    /// </summary>
    private static void WriteSpans(Utf8JsonWriter json, TestExecution execution)
    {
        json.WriteStartArray("spans");
        foreach (var e in execution.Spans.OrderBy(e => e.StartNanos).ThenBy(e => e.SpanId))
        {
            json.WriteStartArray();
            json.WriteNumberValue(e.SpanId);
            json.WriteStringValue(e.Label);
            json.WriteNumberValue(e.DurationNanos);
            json.WriteNumberValue((e.Error ? 1 : 0) | (e.ServerError ? 2 : 0) | (e.Timeout ? 4 : 0) | (e.Late ? 8 : 0) | (e.FromFixture ? 16 : 0));
            json.WriteNumberValue(e.ParentSpanId);
            json.WriteNumberValue(e.StartNanos);
            json.WriteNumberValue(e.EndNanos);
            json.WriteNumberValue(e.Kind);
            json.WriteNumberValue(e.HttpStatusCode);
            WriteNullable(json, e.ErrorType);
            WriteNullable(json, e.ServiceName);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static void ReadSpans(JsonElement element, TestExecution execution)
    {
        if (!element.TryGetProperty("spans", out var spans))
        {
            return;
        }

        foreach (var s in spans.EnumerateArray())
        {
            // s[2], the duration, was written as end minus start (never negative): the entry derives it from s[5] and s[6].
            var flags = s[3].GetInt32();
            execution.AddChildEntry(new ChildSpanEntry(s[0].GetUInt64(), s[1].GetString()!,
                (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0)
            {
                FromFixture = (flags & 16) != 0,
                ParentSpanId = s[4].GetUInt64(),
                StartNanos = s[5].GetInt64(),
                EndNanos = s[6].GetInt64(),
                Kind = s[7].GetInt32(),
                HttpStatusCode = s[8].GetInt32(),
                ErrorType = s[9].ValueKind == JsonValueKind.Null ? null : s[9].GetString(),
                ServiceName = s[10].ValueKind == JsonValueKind.Null ? null : s[10].GetString(),
            });
        }
    }

    public static TestExecution Read(JsonElement element, HistoryTest test)
    {
        var execution = new TestExecution(UInt128.Parse(element.GetProperty("trace").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
        {
            Name = test.Identity.Name,
            DisplayName = test.Identity.Name,
            ServiceName = test.Identity.Service,
            Runtime = test.Identity.Runtime,
            RunId = element.GetProperty("run").GetString()!,
            Commit = element.TryGetProperty("commit", out var commit) ? commit.GetString() : null,
            StartNanos = element.GetProperty("start").GetInt64(),
            EndNanos = element.GetProperty("end").GetInt64(),
            Outcome = element.GetProperty("outcome").GetString() == "fail" ? TestOutcome.Failed : TestOutcome.Passed,
            HasTestSpan = true,
        };
        if (element.TryGetProperty("error", out var error))
        {
            execution.ErrorMessage = error.GetString();
        }

        foreach (var c in element.GetProperty("children").EnumerateArray())
        {
            ref var stats = ref execution.ChildFor(c[0].GetString()!);
            stats.IsHttpClient = c[1].GetInt32() == 1;
            stats.Count = c[2].GetInt32();
            stats.TotalNanos = c[3].GetInt64();
            stats.MaxNanos = c[4].GetInt64();
            stats.Errors = c[5].GetInt32();
            stats.ServerErrors = c[6].GetInt32();
            stats.Timeouts = c[7].GetInt32();
            stats.HttpStatusCode = c[8].GetInt32();
            stats.ErrorType = c[9].ValueKind == JsonValueKind.Null ? null : c[9].GetString();
            stats.FirstStartNanos = c[10].GetInt64();
            stats.LastEndNanos = c[11].GetInt64();
            stats.LateSpans = c[12].GetInt32();
            execution.ChildSpanCount += stats.Count;
        }

        ReadSpans(element, execution);
        if (element.TryGetProperty("logs", out var logs))
        {
            foreach (var template in logs.EnumerateArray())
            {
                execution.AddLog(new LogMark(0, 0, 0, string.Empty, template.GetString()!), retainDetails: false, limit: 0);
            }
        }

        return execution;
    }
}
