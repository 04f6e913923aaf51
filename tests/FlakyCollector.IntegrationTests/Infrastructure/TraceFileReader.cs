using System.Globalization;
using System.Text.Json;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>Reads OTLP/JSON Lines files written by the collector, independently of its own encoder.</summary>
public static class TraceFileReader
{
    public static IReadOnlyList<FileSpan> ReadAll(string directory) => Files(directory).SelectMany(Read).ToList();

    /// <summary>
    /// The trace files under a results directory. Platform 1.x's TRX report copies the session's
    /// artifacts beside the TRX (<c>&lt;trx&gt;/In/&lt;machine&gt;/</c>): the same file again, not a second one.
    /// </summary>
    public static IReadOnlyList<string> Files(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.otlp.jsonl", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}In{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList()
            : [];

    public static IEnumerable<FileSpan> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("resourceSpans", out var allResourceSpans))
            {
                continue; // a LogsData line: ReadLogs reads those
            }

            foreach (var resourceSpans in allResourceSpans.EnumerateArray())
            {
                var resource = Attributes(resourceSpans.GetProperty("resource"));
                foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
                {
                    var scope = scopeSpans.GetProperty("scope").GetProperty("name").GetString()!;
                    foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                    {
                        yield return ToSpan(span, scope, resource);
                    }
                }
            }
        }
    }

    /// <summary>The log records of every <c>LogsData</c> line under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<FileLogRecord> ReadLogs(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.otlp.jsonl", SearchOption.AllDirectories).SelectMany(ReadLogLines).ToList()
            : [];

    private static IEnumerable<FileLogRecord> ReadLogLines(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("resourceLogs", out var allResourceLogs))
            {
                continue;
            }

            foreach (var scopeLogs in allResourceLogs.EnumerateArray().SelectMany(r => r.GetProperty("scopeLogs").EnumerateArray()))
            {
                var scope = scopeLogs.GetProperty("scope").GetProperty("name").GetString()!;
                foreach (var record in scopeLogs.GetProperty("logRecords").EnumerateArray())
                {
                    yield return new FileLogRecord(
                        record.TryGetProperty("traceId", out var t) ? t.GetString() : null,
                        record.TryGetProperty("spanId", out var s) ? s.GetString() : null,
                        record.TryGetProperty("severityNumber", out var n) ? n.GetInt32() : 0,
                        record.GetProperty("body").GetProperty("stringValue").GetString()!,
                        scope,
                        Attributes(record));
                }
            }
        }
    }

    private static FileSpan ToSpan(JsonElement span, string scope, IReadOnlyDictionary<string, object?> resource)
    {
        var status = span.TryGetProperty("status", out var s) ? s : default;
        return new FileSpan(
            span.GetProperty("traceId").GetString()!,
            span.GetProperty("spanId").GetString()!,
            span.TryGetProperty("parentSpanId", out var parent) && parent.GetString() is { Length: > 0 } p ? p : null,
            span.GetProperty("name").GetString()!,
            scope,
            span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0,
            long.Parse(span.GetProperty("startTimeUnixNano").GetString()!, CultureInfo.InvariantCulture),
            long.Parse(span.GetProperty("endTimeUnixNano").GetString()!, CultureInfo.InvariantCulture),
            status.ValueKind == JsonValueKind.Object && status.TryGetProperty("code", out var code) ? code.GetInt32() : 0,
            status.ValueKind == JsonValueKind.Object && status.TryGetProperty("message", out var message) ? message.GetString() : null,
            Attributes(span),
            span.TryGetProperty("events", out var events)
                ? events.EnumerateArray().Select(e => (e.GetProperty("name").GetString()!, Attributes(e))).ToList()
                : [],
            resource)
        {
            Links = span.TryGetProperty("links", out var links)
                ? links.EnumerateArray().Select(l => (l.GetProperty("traceId").GetString()!, l.GetProperty("spanId").GetString()!, Attributes(l))).ToList()
                : [],
        };
    }

    private static IReadOnlyDictionary<string, object?> Attributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!owner.TryGetProperty("attributes", out var list))
        {
            return attributes;
        }

        foreach (var attribute in list.EnumerateArray())
        {
            var value = attribute.GetProperty("value").EnumerateObject().First();
            attributes[attribute.GetProperty("key").GetString()!] = value.Name switch
            {
                "stringValue" => value.Value.GetString(),
                "intValue" => long.Parse(value.Value.ToString(), CultureInfo.InvariantCulture),
                "boolValue" => value.Value.GetBoolean(),
                "doubleValue" => value.Value.GetDouble(),
                _ => value.Value.ToString(),
            };
        }

        return attributes;
    }
}
