using System.Text;
using System.Text.Json;
using FlakyCollector.Recording;

namespace FlakyCollector.Payload;

/// <summary>
/// Writes and reads <see cref="RecordedExecution"/> as the string vstest carries in a test result
/// property: the <see cref="CompactPayloadFormat"/> when the recording fits it (most tests), JSON
/// otherwise. <see cref="Read"/> tells the two apart by the first character.
/// </summary>
internal static class ExecutionPayloadJson
{
    /// <summary>The key of the vstest test result property that carries the recording.</summary>
    public const string PropertyKey = "FlakyTrace.Execution";

    public static string Write(RecordedExecution payload) => CompactPayloadFormat.TryWrite(payload) ?? WriteJson(payload);

    /// <exception cref="FormatException">The text is neither form.</exception>
    /// <exception cref="JsonException">The JSON form is malformed.</exception>
    public static RecordedExecution Read(string text) =>
        text.StartsWith(CompactPayloadFormat.Marker, StringComparison.Ordinal) ? CompactPayloadFormat.Read(text) : ReadJson(text);

    private static string WriteJson(RecordedExecution payload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WriteString("timing", payload.Timing);
            writer.WriteNumber("pid", payload.ProcessId);
            if (payload.Runtime is not null)
            {
                writer.WriteString("runtime", payload.Runtime);
            }

            if (payload.ExceptionType is not null)
            {
                writer.WriteString("exceptionType", payload.ExceptionType);
            }

            if (payload.Exceptions.Count > 0)
            {
                writer.WriteStartArray("exceptions");
                foreach (var exception in payload.Exceptions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", exception.Type);
                    writer.WriteString("message", exception.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (payload.TestSpan is not null)
            {
                writer.WritePropertyName("test");
                SpanDataJson.Write(writer, payload.TestSpan);
            }

            WriteSpans(writer, "previous", payload.PreviousAttempts);
            WriteSpans(writer, "children", payload.Children);
            WriteSpans(writer, "detached", payload.Detached);
            if (payload.Logs.Count > 0)
            {
                LogRecordJson.WriteAll(writer, "logs", payload.Logs);
            }

            writer.WriteStartArray("warnings");
            foreach (var warning in payload.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static RecordedExecution ReadJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new RecordedExecution
        {
            Timing = root.GetProperty("timing").GetString() ?? "none",
            ProcessId = root.GetProperty("pid").GetInt32(),
            Runtime = root.TryGetProperty("runtime", out var runtime) ? runtime.GetString() : null,
            ExceptionType = root.TryGetProperty("exceptionType", out var type) ? type.GetString() : null,
            Exceptions = root.TryGetProperty("exceptions", out var exceptions)
                ? exceptions.EnumerateArray().Select(e => new RecordedException(e.GetProperty("type").GetString() ?? string.Empty, e.GetProperty("message").GetString())).ToList()
                : [],
            TestSpan = root.TryGetProperty("test", out var test) ? SpanDataJson.Read(test) : null,
            PreviousAttempts = root.TryGetProperty("previous", out var previous) ? previous.EnumerateArray().Select(SpanDataJson.Read).ToList() : [],
            Children = root.GetProperty("children").EnumerateArray().Select(SpanDataJson.Read).ToList(),
            Detached = root.GetProperty("detached").EnumerateArray().Select(SpanDataJson.Read).ToList(),
            Logs = root.TryGetProperty("logs", out var logs) ? LogRecordJson.ReadAll(logs) : [],
            Warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToList(),
        };
    }

    private static void WriteSpans(Utf8JsonWriter writer, string name, IReadOnlyList<Spans.SpanData> spans)
    {
        writer.WriteStartArray(name);
        foreach (var span in spans)
        {
            SpanDataJson.Write(writer, span);
        }

        writer.WriteEndArray();
    }
}
