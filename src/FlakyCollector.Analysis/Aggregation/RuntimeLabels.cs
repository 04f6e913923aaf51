using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Aggregation;

/// <summary>
/// Turns a resource's <c>process.runtime.*</c> attributes into the short runtime name a test's
/// identity carries: ".NET 8" for <c>.NET</c> 8.0.11, ".NET Framework 4.8" for 4.8.9032. A patch
/// release does not make a new test; a new major version does. Labels are cached per distinct
/// attribute triple, since every span of a resource repeats them.
/// </summary>
internal sealed class RuntimeLabels
{
    private readonly Dictionary<(string?, string?, string?), string?> _cache = [];

    public string? Label(ParsedSpan span)
    {
        var key = (span.RuntimeName, span.RuntimeVersion, span.RuntimeDescription);
        if (!_cache.TryGetValue(key, out var label))
        {
            label = Compute(span.RuntimeName, span.RuntimeVersion, span.RuntimeDescription);
            _cache[key] = label;
        }

        return label;
    }

    internal static string? Compute(string? name, string? version, string? description)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(version))
        {
            // ".NET 8.0.11" or ".NET Framework 4.8.9032.0": the last word is the version.
            var text = description?.Trim();
            var space = text?.LastIndexOf(' ') ?? -1;
            if (text is null || space <= 0)
            {
                return string.IsNullOrWhiteSpace(text) ? null : text;
            }

            (name, version) = (text[..space], text[(space + 1)..]);
        }

        return $"{name.Trim()} {Significant(version.Trim())}";
    }

    /// <summary>The major version, and the minor one when it is not 0 (4.8 stays 4.8, 8.0.11 becomes 8).</summary>
    private static string Significant(string version)
    {
        var parts = version.Split('.', '-', '+');
        if (parts.Length < 2 || !int.TryParse(parts[0], out _))
        {
            return version;
        }

        return parts[1] == "0" || !int.TryParse(parts[1], out _) ? parts[0] : $"{parts[0]}.{parts[1]}";
    }
}
