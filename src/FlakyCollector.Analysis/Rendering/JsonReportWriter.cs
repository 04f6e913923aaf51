using System.Text.Json;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// <c>--format json</c>. The contract: an object with <c>tests</c>, each with <c>name</c>,
/// <c>executions</c>, <c>passed</c>, <c>failed</c>, <c>flaky</c> and <c>causes</c>, a list of
/// <c>{ "kind": "race"|"timing"|"external"|"order"|"contention"|"none", "evidence": {...} }</c>,
/// and <c>clusters</c>, each <c>{ "tests": [names], "failedRuns": N, "causes": [...] }</c>.
/// Other fields are additions and may grow.
/// </summary>
public static class JsonReportWriter
{
    public static void Write(FlakinessReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("summary");
        json.WriteNumber("tests", report.Tests.Count);
        json.WriteNumber("flaky", report.FlakyCount);
        json.WriteNumber("executions", report.Tests.Sum(t => t.Executions));
        json.WriteNumber("runs", report.Runs);
        json.WriteNumber("commits", report.Commits);
        json.WriteEndObject();
        WriteInput(json, report);
        var withRuntime = report.Runtimes.Count > 1;
        json.WriteStartArray("clusters");
        foreach (var cluster in report.Clusters)
        {
            WriteCluster(json, cluster);
        }

        json.WriteEndArray();
        json.WriteStartArray("tests");
        foreach (var test in report.Tests)
        {
            WriteTest(json, test, withRuntime, report.ReproOf(test));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, FlakinessReport report)
    {
        var input = report.Input;
        json.WriteStartObject("input");
        json.WriteNumber("files", input.Files.Count);
        json.WriteNumber("bytes", input.Bytes);
        json.WriteNumber("lines", input.Lines);
        json.WriteNumber("spans", input.Spans);
        json.WriteNumber("testSpans", input.TestSpans);
        json.WriteNumber("malformedLines", input.MalformedLineCount);
        json.WriteStartArray("malformed");
        foreach (var line in input.Malformed)
        {
            json.WriteStartObject();
            json.WriteString("file", line.File);
            json.WriteNumber("line", line.Line);
            json.WriteString("reason", line.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("orphanSpans", input.OrphanSpans);
        json.WriteNumber("droppedSpans", input.DroppedSpans);
        json.WriteNumber("duplicateSpans", input.DuplicateSpans);
        json.WriteEndObject();
    }

    private static void WriteCluster(Utf8JsonWriter json, FailureCluster cluster)
    {
        json.WriteStartObject();
        json.WriteStartArray("tests");
        foreach (var test in cluster.Tests)
        {
            json.WriteStringValue(test.Name);
        }

        json.WriteEndArray();
        json.WriteNumber("failedRuns", cluster.FailedRuns);
        json.WriteNumber("runs", cluster.Runs);
        json.WriteStartArray("causes");
        foreach (var cause in cluster.Causes)
        {
            WriteCause(json, cause.Hint, cause.Tests);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteCause(Utf8JsonWriter json, CauseHint cause, IReadOnlyList<string>? tests = null)
    {
        json.WriteStartObject();
        json.WriteString("kind", Figures.CauseKindName(cause.Kind));
        json.WriteStartObject("evidence");
        foreach (var figure in cause.Evidence)
        {
            json.WritePropertyName(figure.Name);
            WriteValue(json, figure.Value);
        }

        json.WriteEndObject();
        json.WriteNumber("score", cause.Score);
        json.WriteString("confidence", Figures.ConfidenceName(cause.Confidence));
        json.WriteString("summary", cause.Summary);
        if (tests is not null)
        {
            json.WriteStartArray("tests");
            foreach (var test in tests)
            {
                json.WriteStringValue(test);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteTest(Utf8JsonWriter json, TestSummary test, bool withRuntime, Repro.ReproResult? repro)
    {
        json.WriteStartObject();
        json.WriteString("name", test.Name);
        if (withRuntime)
        {
            json.WriteString("runtime", test.Runtime);
        }

        if (test.FailsOnlyOn is not null)
        {
            json.WriteString("failsOnlyOn", test.FailsOnlyOn);
        }

        json.WriteNumber("executions", test.Executions);
        json.WriteNumber("passed", test.Passed);
        json.WriteNumber("failed", test.Failed);
        json.WriteBoolean("flaky", test.Flaky);
        json.WriteStartArray("causes");
        foreach (var cause in test.Causes)
        {
            WriteCause(json, cause);
        }

        json.WriteEndArray();
        if (repro is not null)
        {
            // repro's own object for the test, as flakytrace repro --format json writes it.
            json.WriteStartObject("repro");
            json.WriteString("verdict", Repro.ReproResult.VerdictText(repro.Verdict));
            json.WriteString("cause", repro.Cause);
            json.WriteString("reason", repro.Reason);
            json.WriteStartObject("with");
            json.WriteNumber("runs", repro.With.Runs);
            json.WriteNumber("failed", repro.With.Failed);
            json.WriteEndObject();
            json.WriteStartObject("without");
            json.WriteNumber("runs", repro.Without.Runs);
            json.WriteNumber("failed", repro.Without.Failed);
            json.WriteEndObject();
            json.WriteBoolean("sameFailure", repro.SameFailure);
            json.WriteString("repro", repro.Repro);
            json.WriteEndObject();
        }

        json.WriteString("suite", test.Suite);
        json.WriteNumber("skipped", test.Skipped);
        json.WriteNumber("passedOnRetry", test.PassedOnRetry);
        json.WriteNumber("failureRate", test.FailureRate);
        json.WriteNumber("runs", test.Runs);
        json.WriteNumber("failedRuns", test.FailedRuns);
        json.WriteStartArray("flakyCommits");
        foreach (var commit in test.FlakyCommits)
        {
            json.WriteStringValue(commit);
        }

        json.WriteEndArray();
        json.WriteString("topError", test.TopError);
        json.WriteNumber("topErrorCount", test.TopErrorCount);
        WriteProfile(json, "passing", test.PassingProfile);
        WriteProfile(json, "failing", test.FailingProfile);
        json.WriteEndObject();
    }

    private static void WriteProfile(Utf8JsonWriter json, string name, OutcomeProfile? profile)
    {
        if (profile is null)
        {
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("executions", profile.Executions);
        json.WriteNumber("medianMs", profile.MedianMs);
        json.WriteNumber("p95Ms", profile.P95Ms);
        json.WriteStartArray("spans");
        foreach (var label in profile.Labels)
        {
            json.WriteStartObject();
            json.WriteString("label", label.Label);
            json.WriteNumber("runs", label.Runs);
            json.WriteNumber("appearance", label.Appearance);
            json.WriteNumber("medianMs", label.MedianMs);
            json.WriteNumber("errors", label.Errors);
            json.WritePropertyName("statusCodes");
            WriteValue(json, label.StatusCodes.ToDictionary(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Value));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string text: json.WriteStringValue(text); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): json.WriteNumberValue(number); break;
            case double: json.WriteNullValue(); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case IReadOnlyDictionary<string, int> map:
                json.WriteStartObject();
                foreach (var (key, count) in map)
                {
                    json.WriteNumber(key, count);
                }

                json.WriteEndObject();
                break;
            case IEnumerable<string> texts:
                json.WriteStartArray();
                foreach (var text in texts)
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
                break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
