using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlakyCollector.Recording.Logs;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Writes log records as one OTLP/JSON <c>LogsData</c> object on a single line
/// (<c>resourceLogs</c> → <c>scopeLogs</c> per category → <c>logRecords</c>), the same conventions
/// as <see cref="OtlpJsonEncoder"/>: hex ids, 64-bit integers as decimal strings, defaults left out.
/// </summary>
internal static class OtlpJsonLogEncoder
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(IBufferWriter<byte> output, byte[]? encodedResource, IReadOnlyList<LogRecordData> records)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("resourceLogs"u8);
        writer.WriteStartObject();
        if (encodedResource is not null)
        {
            writer.WritePropertyName("resource"u8);
            writer.WriteRawValue(encodedResource, skipInputValidation: true);
        }

        writer.WriteStartArray("scopeLogs"u8);
        foreach (var scope in records.GroupBy(r => r.Category, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("scope"u8);
            writer.WriteString("name"u8, scope.Key);
            writer.WriteEndObject();
            writer.WriteStartArray("logRecords"u8);
            foreach (var record in scope)
            {
                WriteRecord(writer, record);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteRecord(Utf8JsonWriter writer, LogRecordData record)
    {
        writer.WriteStartObject();
        OtlpJsonEncoder.WriteUInt64String(writer, "timeUnixNano"u8, (ulong)record.TimeUnixNano);
        OtlpJsonEncoder.WriteUInt64String(writer, "observedTimeUnixNano"u8, (ulong)record.TimeUnixNano);
        if (record.SeverityNumber > 0)
        {
            writer.WriteNumber("severityNumber"u8, record.SeverityNumber);
        }

        if (record.SeverityText is not null)
        {
            writer.WriteString("severityText"u8, record.SeverityText);
        }

        writer.WriteStartObject("body"u8);
        writer.WriteString("stringValue"u8, record.Body);
        writer.WriteEndObject();
        OtlpJsonAttributeWriter.WriteAttributes(writer, Attributes(record));
        OtlpJsonEncoder.WriteId(writer, "traceId"u8, record.TraceId, HexId.TraceIdBytes);
        OtlpJsonEncoder.WriteId(writer, "spanId"u8, record.SpanId, HexId.SpanIdBytes);
        writer.WriteEndObject();
    }

    internal static IReadOnlyList<SpanAttribute> Attributes(LogRecordData record) =>
        record.Template is null
            ? [new(LogNames.OriginAttribute, record.Origin)]
            : [new(LogNames.TemplateAttribute, record.Template), new(LogNames.OriginAttribute, record.Origin)];
}
