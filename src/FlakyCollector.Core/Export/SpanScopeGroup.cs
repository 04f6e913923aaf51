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
        // Made with the second scope: most lines (a passing test's span alone) have one.
        Dictionary<(string Name, string Version), SpanScopeGroup>? index = null;
        SpanScopeGroup? last = null;
        foreach (var span in spans)
        {
            var name = span.ScopeName ?? string.Empty;
            var version = span.ScopeVersion ?? string.Empty;

            // Spans usually arrive in runs of one scope: skip the lookup for those.
            if (last is null)
            {
                last = new SpanScopeGroup(name, span.ScopeVersion);
                groups.Add(last);
            }
            else if (last.Name != name || (last.Version ?? string.Empty) != version)
            {
                index ??= groups.ToDictionary(g => (g.Name, g.Version ?? string.Empty));
                if (!index.TryGetValue((name, version), out last))
                {
                    last = new SpanScopeGroup(name, span.ScopeVersion);
                    index.Add((name, version), last);
                    groups.Add(last);
                }
            }

            last.Spans.Add(span);
        }

        return groups;
    }
}
