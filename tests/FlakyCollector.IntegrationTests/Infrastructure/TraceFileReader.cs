using System.Globalization;
using System.Text.Json;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>Reads OTLP/JSON Lines files written by the collector, independently of its own encoder.</summary>
public static class TraceFileReader
{
    public static IReadOnlyList<FileSpan> ReadAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.otlp.jsonl", SearchOption.AllDirectories).SelectMany(Read).ToList()
            : [];

    public static IEnumerable<FileSpan> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            foreach (var resourceSpans in document.RootElement.GetProperty("resourceSpans").EnumerateArray())
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
