using System.Text.Json;

namespace FlakyCollector.Logger.Tests;

/// <summary>One span as the front end wrote it to the run's <c>.otlp.jsonl</c> file.</summary>
internal sealed record WrittenSpan(string Name, string TraceId, string SpanId, long Start, long End, int StatusCode, string? StatusMessage, IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public static IReadOnlyList<WrittenSpan> ReadAll(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*.otlp.jsonl", SearchOption.AllDirectories).SelectMany(File.ReadLines).SelectMany(Read)];

    private static IEnumerable<WrittenSpan> Read(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (!document.RootElement.TryGetProperty("resourceSpans", out var resources))
        {
            yield break;
        }

        foreach (var span in resources.EnumerateArray().SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray()).SelectMany(s => s.GetProperty("spans").EnumerateArray()))
        {
            var attributes = span.TryGetProperty("attributes", out var list)
                ? list.EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => Text(a.GetProperty("value")), StringComparer.Ordinal)
                : [];
            var status = span.TryGetProperty("status", out var s) ? s : default;
            yield return new WrittenSpan(
                span.GetProperty("name").GetString()!,
                span.GetProperty("traceId").GetString()!,
                span.GetProperty("spanId").GetString()!,
                long.Parse(span.GetProperty("startTimeUnixNano").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(span.GetProperty("endTimeUnixNano").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                status.ValueKind == JsonValueKind.Object && status.TryGetProperty("code", out var code) ? code.GetInt32() : 0,
                status.ValueKind == JsonValueKind.Object && status.TryGetProperty("message", out var message) ? message.GetString() : null,
                attributes);
        }
    }

    private static string Text(JsonElement value)
    {
        var property = value.EnumerateObject().First();
        return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
    }
}
