using System.Text.Json;
using FlakyCollector.Configuration;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// The tests a quarantine file (<c>flakytrace quarantine</c>, named by <c>&lt;Quarantine&gt;</c>) lists:
/// their spans get <c>flakytrace.quarantined=true</c>, so a backend can tell a known flaky failure
/// from a new one. An entry matches by <c>test.case.name</c>, and by service when it names one. A
/// file that cannot be read costs one warning and tags nothing; it never fails the run.
/// </summary>
internal sealed class QuarantineList
{
    private static readonly QuarantineList Empty = new([]);
    private readonly Dictionary<string, List<string?>> byName;

    private QuarantineList(Dictionary<string, List<string?>> byName) => this.byName = byName;

    public int Count => byName.Count;

    public static QuarantineList Load(FlakyTraceSettings settings, IRunReport report)
    {
        if (settings.Quarantine is not { } path)
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("quarantined", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                report.Warning($"<{SettingNames.Quarantine}> {path} has no \"quarantined\" list (write it with: flakytrace quarantine --history HISTORY -o {path}); no test is tagged quarantined.");
                return Empty;
            }

            var byName = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    if (!byName.TryGetValue(name.GetString()!, out var services))
                    {
                        byName[name.GetString()!] = services = [];
                    }

                    services.Add(entry.TryGetProperty("service", out var service) && service.ValueKind == JsonValueKind.String ? service.GetString() : null);
                }
            }

            return new QuarantineList(byName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            report.Warning($"<{SettingNames.Quarantine}> {path} cannot be read ({ex.Message}); no test is tagged quarantined.");
            return Empty;
        }
    }

    /// <summary>The span with <c>flakytrace.quarantined=true</c> added when the test is listed; the span itself otherwise.</summary>
    public SpanData Tag(SpanData span, string caseName, string service)
    {
        if (byName.Count == 0 || !byName.TryGetValue(caseName, out var services) || !services.Exists(s => s is null || s == service))
        {
            return span;
        }

        return span with { Attributes = [.. span.Attributes, new SpanAttribute(TestAttributeNames.Quarantined, true)] };
    }
}
