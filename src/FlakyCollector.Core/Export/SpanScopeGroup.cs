using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>The spans of one instrumentation scope (name + version): one OTLP <c>ScopeSpans</c>.</summary>
internal sealed class SpanScopeGroup
{
    private SpanScopeGroup(string name, string? version)
    {
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public string? Version { get; }

    public List<SpanData> Spans { get; } = [];

    /// <summary>
    /// Groups spans by scope, keeping the order in which scopes and spans first appear so that
    /// output is deterministic for a given input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<SpanScopeGroup> GroupByScope(IReadOnlyList<SpanData> spans)
    {
        var groups = new List<SpanScopeGroup>(1);
        SpanScopeGroup? last = null;
        foreach (var span in spans)
        {
            var name = span.ScopeName ?? string.Empty;
            var version = span.ScopeVersion ?? string.Empty;

            // Spans usually arrive in runs of one scope: skip the search for those. A line has
            // a few scopes at most (the test's, the framework's, a client library's), so a
            // search of the list costs less than a dictionary, whose code is generic over a
            // tuple and so stays unoptimised on the platform.
            if (last is null || last.Name != name || (last.Version ?? string.Empty) != version)
            {
                last = Find(groups, name, version);
                if (last is null)
                {
                    last = new SpanScopeGroup(name, span.ScopeVersion);
                    groups.Add(last);
                }
            }

            last.Spans.Add(span);
        }

        return groups;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SpanScopeGroup? Find(List<SpanScopeGroup> groups, string name, string version)
    {
        foreach (var group in groups)
        {
            if (group.Name == name && (group.Version ?? string.Empty) == version)
            {
                return group;
            }
        }

        return null;
    }
}
