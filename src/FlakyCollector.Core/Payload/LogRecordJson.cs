using System.Text.Json;
using FlakyCollector.Spans;

namespace FlakyCollector.Payload;

/// <summary>Log records on the trip from the test process to the front end, in short JSON (not OTLP/JSON).</summary>
internal static class LogRecordJson
{
    public static void WriteAll(Utf8JsonWriter writer, string name, IReadOnlyList<LogRecordData> records)
    {
        writer.WriteStartArray(name);
        foreach (var record in records)
        {
            writer.WriteStartObject();
            writer.WriteNumber("ts", record.TimeUnixNano);
            Optional(writer, "t", record.TraceId);
            Optional(writer, "s", record.SpanId);
            writer.WriteNumber("sn", record.SeverityNumber);
            Optional(writer, "st", record.SeverityText);
            writer.WriteString("b", record.Body);
            Optional(writer, "tp", record.Template);
            writer.WriteString("c", record.Category);
            writer.WriteString("o", record.Origin);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static IReadOnlyList<LogRecordData> ReadAll(JsonElement array) =>
        array.EnumerateArray().Select(r => new LogRecordData
        {
            TimeUnixNano = r.GetProperty("ts").GetInt64(),
            TraceId = Text(r, "t"),
            SpanId = Text(r, "s"),
            SeverityNumber = r.GetProperty("sn").GetInt32(),
            SeverityText = Text(r, "st"),
            Body = Text(r, "b") ?? string.Empty,
            Template = Text(r, "tp"),
            Category = Text(r, "c") ?? string.Empty,
            Origin = Text(r, "o") ?? string.Empty,
        }).ToList();

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement owner, string name) => owner.TryGetProperty(name, out var value) ? value.GetString() : null;
}
