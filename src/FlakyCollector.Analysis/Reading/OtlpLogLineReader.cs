using System.Globalization;
using System.Text.Json;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Reads the log records of one OTLP/JSON <c>LogsData</c> line: trace and span ids, time, severity,
/// body, and the template (<c>log.record.template</c>, else the body) masked by <see cref="FailureShape"/>.
/// Log lines are few beside span lines, so a JSON document serves; records without a trace id are
/// no test's and are skipped.
/// </summary>
internal static class OtlpLogLineReader
{
    public const string TemplateAttribute = "log.record.template";

    /// <summary>True when the line is a <c>LogsData</c> object (it names <c>resourceLogs</c> before any span).</summary>
    public static bool IsLogsLine(ReadOnlySpan<byte> line) =>
        line.IndexOf("\"resourceLogs\""u8) is >= 0 and var at && (line.IndexOf("\"resourceSpans\""u8) is var spans && (spans < 0 || spans > at))
        || line.IndexOf("\"resource_logs\""u8) >= 0;

    public static IEnumerable<(UInt128 TraceId, LogMark Mark)> Read(ReadOnlyMemory<byte> line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var marks = new List<(UInt128, LogMark)>();
        foreach (var resource in Array(root, "resourceLogs", "resource_logs"))
        {
            foreach (var scope in Array(resource, "scopeLogs", "scope_logs"))
            {
                foreach (var record in Array(scope, "logRecords", "log_records"))
                {
                    if (Text(record, "traceId", "trace_id") is not { Length: 32 } trace
                        || !UInt128.TryParse(trace, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var traceId))
                    {
                        continue;
                    }

                    var span = Text(record, "spanId", "span_id") is { Length: 16 } s && ulong.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id) ? id : 0;
                    var body = record.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object && b.TryGetProperty("stringValue", out var text) ? text.GetString() ?? "" : "";
                    var template = TemplateOf(record) ?? body;
                    marks.Add((traceId, new LogMark(Time(record), span, Severity(record), body, FailureShape.Of(template))));
                }
            }
        }

        return marks;
    }

    private static string? TemplateOf(JsonElement record)
    {
        foreach (var attribute in Array(record, "attributes", "attributes"))
        {
            if (attribute.TryGetProperty("key", out var key) && key.GetString() == TemplateAttribute
                && attribute.TryGetProperty("value", out var value) && value.TryGetProperty("stringValue", out var text))
            {
                return text.GetString();
            }
        }

        return null;
    }

    private static long Time(JsonElement record)
    {
        var text = Text(record, "timeUnixNano", "time_unix_nano") ?? Text(record, "observedTimeUnixNano", "observed_time_unix_nano");
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nanos) ? nanos : 0;
    }

    private static int Severity(JsonElement record) =>
        (record.TryGetProperty("severityNumber", out var n) || record.TryGetProperty("severity_number", out n)) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0;

    private static IEnumerable<JsonElement> Array(JsonElement owner, string name, string snake) =>
        owner.ValueKind == JsonValueKind.Object && (owner.TryGetProperty(name, out var list) || owner.TryGetProperty(snake, out list)) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];

    private static string? Text(JsonElement owner, string name, string snake) =>
        (owner.TryGetProperty(name, out var value) || owner.TryGetProperty(snake, out value)) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
