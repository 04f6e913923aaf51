namespace FlakyCollector.Configuration;

/// <summary>
/// Parses the W3C-baggage-like lists OpenTelemetry uses for headers and resource attributes:
/// <c>key1=value1,key2=value2</c>, values percent-decoded. Entries that are not <c>key=value</c> are
/// skipped and counted by position, never quoted: header values are often secrets.
/// </summary>
internal static class KeyValueListParser
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, out IReadOnlyList<int> badEntries)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var bad = new List<int>();
        var entries = text.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? entry[..equals].Trim() : string.Empty;
            if (key.Length == 0)
            {
                bad.Add(i + 1);
                continue;
            }

            pairs.Add(new(key, Uri.UnescapeDataString(entry[(equals + 1)..].Trim())));
        }

        badEntries = bad;
        return pairs;
    }
}
