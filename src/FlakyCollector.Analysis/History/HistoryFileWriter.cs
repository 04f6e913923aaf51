using System.Text.Json;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// Writes a history as JSON Lines: a header, one line per test (ordered by identity; its place is
/// its index), one per compacted month, then one per detailed run, oldest first. A new run is a
/// new line at the end; the documented layout is in docs/flakytrace.md.
/// </summary>
public static class HistoryFileWriter
{
    public const int FormatVersion = 1;

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it over, so a failed write never leaves half a history.</summary>
    public static void Write(TestHistory history, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Write(history, stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(TestHistory history, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = false,
            SkipValidation = true,
            // A file, not HTML: base64's '+' and a message's quotes stay one byte each.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        Line(json, stream, () =>
        {
            json.WriteNumber("flakytraceHistory", FormatVersion);
            json.WriteNumber("detailedDays", history.Policy.DetailedDays);
            json.WriteNumber("maxDetailedRuns", history.Policy.MaxDetailedRuns);
            json.WriteNumber("tests", history.Tests.Count);
            json.WriteNumber("runs", history.RunCount);
        });
        foreach (var test in history.Tests)
        {
            Line(json, stream, () => WriteTest(json, test));
        }

        foreach (var period in history.Periods)
        {
            Line(json, stream, () => WritePeriod(json, period));
        }

        foreach (var run in history.Runs)
        {
            Line(json, stream, () => WriteRun(json, run));
        }
    }

    private static void Line(Utf8JsonWriter json, Stream stream, Action body)
    {
        json.WriteStartObject();
        body();
        json.WriteEndObject();
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteTest(Utf8JsonWriter json, HistoryTest test)
    {
        json.WriteString("test", test.Identity.Name);
        WriteOptional(json, "service", test.Identity.Service);
        WriteOptional(json, "runtime", test.Identity.Runtime);
        if (test.Groups.Count == 0)
        {
            return;
        }

        json.WriteStartArray("groups");
        foreach (var group in test.Groups)
        {
            json.WriteStartObject();
            json.WriteString("shape", group.Shape);
            json.WriteString("example", group.Example);
            json.WriteNumber("first", group.FirstSeenMs);
            json.WriteNumber("last", group.LastSeenMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (test.Verdict is not null)
        {
            VerdictJson.Write(json, test.Verdict);
        }

        WriteExecutions(json, "failing", test.Failing);
        WriteExecutions(json, "passing", test.Passing);
    }

    private static void WriteExecutions(Utf8JsonWriter json, string name, List<Model.TestExecution> executions)
    {
        json.WriteStartArray(name);
        foreach (var execution in executions)
        {
            ExecutionJson.Write(json, execution);
        }

        json.WriteEndArray();
    }

    private static void WritePeriod(Utf8JsonWriter json, CompactedPeriod period)
    {
        json.WriteString("period", period.Key);
        json.WriteStartArray("runs");
        foreach (var id in period.RunIds)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteStartArray("tests");
        foreach (var (test, c) in period.Tests)
        {
            json.WriteStartArray();
            foreach (var figure in new long[] { test, c.Passed, c.Skipped, c.DurationCount, c.DurationSumMs, c.DurationCount == 0 ? 0 : c.DurationMinMs, c.DurationMaxMs })
            {
                json.WriteNumberValue(figure);
            }

            json.WriteStartArray();
            foreach (var (group, count) in c.FailedByGroup)
            {
                json.WriteStartArray();
                json.WriteNumberValue(group);
                json.WriteNumberValue(count);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray();
            foreach (var group in c.FlakyGroups)
            {
                json.WriteNumberValue(group);
            }

            json.WriteEndArray();
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteRun(Utf8JsonWriter json, HistoryRun run)
    {
        var outcomes = run.Outcomes;
        json.WriteString("run", run.Id);
        WriteOptional(json, "commit", run.Commit);
        json.WriteNumber("start", run.StartMs);
        json.WriteStartArray("tests");
        foreach (var (first, last) in TestRanges.Of(outcomes.Tests))
        {
            json.WriteStartArray();
            json.WriteNumberValue(first);
            json.WriteNumberValue(last);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteString("ms", DurationColumn.Encode(outcomes.DurationsMs));
        json.WriteStartArray("failed");
        foreach (var failure in outcomes.Failures)
        {
            json.WriteStartArray();
            json.WriteNumberValue(failure.Test);
            json.WriteNumberValue(failure.Group);
            json.WriteNumberValue(failure.PassedToo ? 1 : 0);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var test in outcomes.Skipped)
        {
            json.WriteNumberValue(test);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
