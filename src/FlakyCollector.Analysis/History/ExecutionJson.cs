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
        json.WriteEndObject();
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

        return execution;
    }
}
