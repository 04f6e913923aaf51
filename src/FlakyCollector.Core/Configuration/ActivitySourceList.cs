using FlakyCollector.Recording;

namespace FlakyCollector.Configuration;

/// <summary>The ActivitySources setting, read one way wherever it comes from (run settings, the channel's variable).</summary>
internal static class ActivitySourceList
{
    /// <summary>The sources named in <paramref name="text"/>: separated by <c>;</c> or <c>,</c>, blanks dropped.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What a recorder listens to: the default sources, then the named ones.</summary>
    public static SourceFilter Recorded(IEnumerable<string> named) => new([.. TestActivityNames.DefaultSources, .. named]);
}
