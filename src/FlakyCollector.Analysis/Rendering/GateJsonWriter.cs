using System.Globalization;
using System.Text.Json;
using FlakyCollector.Analysis.Gate;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// <c>gate --format json</c>. The contract: <c>failures</c>, one entry per failing test, new ones
/// first, each with <c>name</c>, <c>class</c> (<c>new</c>/<c>known</c>/<c>broken</c>), <c>cause</c>
/// (the cause kind, or null), <c>evidence</c> (the cause's figures) and <c>since</c> (ISO date, or
/// null); and <c>maybeFixed</c>. Other fields are additions and may grow.
/// </summary>
public static class GateJsonWriter
{
    public static void Write(GateReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("summary");
        json.WriteNumber("failed", report.Failures.Count);
        json.WriteNumber("new", report.Of(FailureClass.New).Count());
        json.WriteNumber("broken", report.Of(FailureClass.Broken).Count());
        json.WriteNumber("known", report.Of(FailureClass.Known).Count());
        json.WriteNumber("maybeFixed", report.MaybeFixed.Count);
        json.WriteNumber("tests", report.Tests);
        json.WriteNumber("runs", report.Runs);
        json.WriteNumber("historyRuns", report.HistoryRuns);
        json.WriteEndObject();
        json.WriteStartArray("failures");
        foreach (var f in report.Failures)
        {
            json.WriteStartObject();
            json.WriteString("name", f.Name);
            Optional(json, "service", f.Service);
            Optional(json, "runtime", f.Runtime);
            json.WriteString("class", f.Class.ToString().ToLowerInvariant());
            Optional(json, "cause", f.Cause is null ? null : Figures.CauseKindName(f.Cause.Kind));
            Optional(json, "causeSummary", f.Cause?.Summary);
            json.WriteStartObject("evidence");
            foreach (var figure in f.Cause?.Evidence ?? [])
            {
                json.WritePropertyName(figure.Name);
                JsonReportWriter.WriteValue(json, figure.Value);
            }

            json.WriteEndObject();
            Optional(json, "since", Date(f.SinceMs));
            Optional(json, "sinceCommit", f.SinceCommit);
            json.WriteString("message", f.Message);
            json.WriteString("reason", f.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("maybeFixed");
        foreach (var t in report.MaybeFixed)
        {
            json.WriteStartObject();
            json.WriteString("name", t.Name);
            Optional(json, "service", t.Service);
            Optional(json, "runtime", t.Runtime);
            json.WriteNumber("passedRuns", t.PassedRuns);
            Optional(json, "since", Date(t.SinceMs));
            Optional(json, "sinceCommit", t.SinceCommit);
            Optional(json, "causeSummary", t.Cause);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Optional(json, "report", report.ReportLink);
        json.WriteEndObject();
    }

    private static string? Date(long? ms) => ms is null || ms == 0
        ? null
        : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
