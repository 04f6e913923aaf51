using System.Text.Json;
using FlakyCollector.Spans;

namespace FlakyCollector.Payload;

/// <summary>
/// A compact JSON form of <see cref="SpanData"/> for the trip from the test process to vstest.console.
/// Not OTLP/JSON: attribute values keep their type with a one-letter tag.
/// </summary>
internal static class SpanDataJson
{
    public static void Write(Utf8JsonWriter writer, SpanData span)
    {
        writer.WriteStartObject();
        writer.WriteString("t", span.TraceId);
        writer.WriteString("s", span.SpanId);
        if (span.ParentSpanId is not null)
        {
            writer.WriteString("p", span.ParentSpanId);
        }

        writer.WriteString("n", span.Name);
        writer.WriteNumber("k", (int)span.Kind);
        writer.WriteNumber("b", span.StartTimeUnixNano);
        writer.WriteNumber("e", span.EndTimeUnixNano);
        writer.WriteNumber("c", (int)span.StatusCode);
        if (span.StatusMessage is not null)
        {
            writer.WriteString("m", span.StatusMessage);
        }

        writer.WriteString("sn", span.ScopeName);
        if (span.ScopeVersion is not null)
        {
            writer.WriteString("sv", span.ScopeVersion);
        }

        AttributeJson.Write(writer, "a", span.Attributes);
        writer.WriteStartArray("ev");
        foreach (var e in span.Events)
        {
            writer.WriteStartObject();
            writer.WriteString("n", e.Name);
            writer.WriteNumber("t", e.TimeUnixNano);
            AttributeJson.Write(writer, "a", e.Attributes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("l");
        foreach (var link in span.Links)
        {
            writer.WriteStartObject();
            writer.WriteString("t", link.TraceId);
            writer.WriteString("s", link.SpanId);
            AttributeJson.Write(writer, "a", link.Attributes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static SpanData Read(JsonElement json) => new()
    {
        TraceId = json.GetProperty("t").GetString()!,
        SpanId = json.GetProperty("s").GetString()!,
        ParentSpanId = json.TryGetProperty("p", out var parent) ? parent.GetString() : null,
        Name = json.GetProperty("n").GetString()!,
        Kind = (SpanKind)json.GetProperty("k").GetInt32(),
        StartTimeUnixNano = json.GetProperty("b").GetInt64(),
        EndTimeUnixNano = json.GetProperty("e").GetInt64(),
        StatusCode = (SpanStatusCode)json.GetProperty("c").GetInt32(),
        StatusMessage = json.TryGetProperty("m", out var message) ? message.GetString() : null,
        ScopeName = json.GetProperty("sn").GetString()!,
        ScopeVersion = json.TryGetProperty("sv", out var version) ? version.GetString() : null,
        Attributes = AttributeJson.Read(json.GetProperty("a")),
        Events = json.GetProperty("ev").EnumerateArray()
            .Select(e => new SpanEventData(e.GetProperty("n").GetString()!, e.GetProperty("t").GetInt64(), AttributeJson.Read(e.GetProperty("a"))))
            .ToList(),
        Links = json.GetProperty("l").EnumerateArray()
            .Select(l => new SpanLinkData(l.GetProperty("t").GetString()!, l.GetProperty("s").GetString()!, AttributeJson.Read(l.GetProperty("a"))))
            .ToList(),
    };
}
