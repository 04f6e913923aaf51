using System.Globalization;
using System.Text.Json;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.History;
using FlakyCollector.Analysis.Rendering;

namespace FlakyCollector.Analysis.Gate;

/// <summary>
/// <c>quarantine.json</c>: the known flaky tests a team reviews and commits, each with its cause and
/// when it was first and last seen failing. <c>gate --quarantine</c> reads it; so does the collector,
/// which tags the listed tests' spans <c>flakytrace.quarantined=true</c>.
/// </summary>
public static class QuarantineFile
{
    /// <summary>Every test of the history whose verdict is flaky, by name.</summary>
    public static List<QuarantineEntry> FromHistory(TestHistory history) =>
        [.. history.Tests
            .Where(t => t.Verdict is { Flaky: true })
            .Select(t =>
            {
                var flaky = t.Groups.Where(g => t.Verdict!.FlakyGroups.Contains(g.Shape)).ToList();
                var cause = t.Verdict!.Causes.FirstOrDefault();
                return new QuarantineEntry(
                    t.Identity.Name,
                    t.Identity.Service,
                    t.Identity.Runtime,
                    cause is null ? "none" : Figures.CauseKindName(cause.Kind),
                    cause?.Summary ?? "",
                    DateTimeOffset.FromUnixTimeMilliseconds(flaky.Min(g => g.FirstSeenMs)),
                    DateTimeOffset.FromUnixTimeMilliseconds(flaky.Max(g => g.LastSeenMs)));
            })
            .OrderBy(e => e.Service, StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.Ordinal)];

    public static void Write(IReadOnlyList<QuarantineEntry> entries, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("quarantined");
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("name", entry.Name);
            Optional(json, "service", entry.Service);
            Optional(json, "runtime", entry.Runtime);
            json.WriteString("cause", entry.Cause);
            json.WriteString("summary", entry.Summary);
            Optional(json, "firstSeen", entry.FirstSeen?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            Optional(json, "lastSeen", entry.LastSeen?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <exception cref="InvalidDataException">Not a quarantine file; the message says what is wrong.</exception>
    public static List<QuarantineEntry> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("quarantined", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} is not a quarantine file: it has no \"quarantined\" list.");
            }

            return [.. list.EnumerateArray().Select(e => new QuarantineEntry(
                e.GetProperty("name").GetString() ?? throw new InvalidDataException($"{path}: a quarantined test has no name."),
                Text(e, "service"),
                Text(e, "runtime"),
                Text(e, "cause") ?? "none",
                Text(e, "summary") ?? "",
                Date(e, "firstSeen"),
                Date(e, "lastSeen")))];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a quarantine file: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        Text(e, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
