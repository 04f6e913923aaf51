using System.Text.Json;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Rendering;

namespace FlakyCollector.Analysis.History;

/// <summary>A verdict in the history file: flaky groups, kept execution counts and the causes with their evidence, as <c>analyze --format json</c> writes causes.</summary>
internal static class VerdictJson
{
    public static void Write(Utf8JsonWriter json, HistoryVerdict verdict)
    {
        json.WriteStartObject("verdict");
        json.WriteStartArray("flakyGroups");
        foreach (var group in verdict.FlakyGroups)
        {
            json.WriteStringValue(group);
        }

        json.WriteEndArray();
        json.WriteNumber("failing", verdict.FailingExecutions);
        json.WriteNumber("passing", verdict.PassingExecutions);
        json.WriteStartArray("causes");
        foreach (var cause in verdict.Causes)
        {
            JsonReportWriter.WriteCause(json, cause);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static HistoryVerdict Read(JsonElement element)
    {
        var causes = element.GetProperty("causes").EnumerateArray().Select(ReadCause).ToList();
        return new HistoryVerdict(
            [.. element.GetProperty("flakyGroups").EnumerateArray().Select(g => g.GetString()!)],
            causes,
            element.GetProperty("failing").GetInt32(),
            element.GetProperty("passing").GetInt32());
    }

    private static CauseHint ReadCause(JsonElement cause)
    {
        var kind = Enum.Parse<CauseKind>(cause.GetProperty("kind").GetString()!, ignoreCase: true);
        var evidence = cause.GetProperty("evidence").EnumerateObject().Select(p => new EvidenceFigure(p.Name, ValueOf(p.Value))).ToList();
        return new CauseHint(kind, cause.GetProperty("score").GetDouble(), cause.GetProperty("summary").GetString()!, evidence);
    }

    private static object ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when value.TryGetInt32(out var number) && !value.GetRawText().Contains('.', StringComparison.Ordinal) => number,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => (IReadOnlyDictionary<string, int>)value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
        JsonValueKind.Array => (IReadOnlyList<string>)value.EnumerateArray().Select(v => v.ToString()).ToList(),
        _ => double.NaN,
    };
}
