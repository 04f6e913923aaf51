namespace FlakyCollector.Recording;

/// <summary>
/// Decides which ActivitySources are recorded: exact names, or prefixes written with a trailing
/// <c>*</c> (<c>MyCompany.*</c> matches <c>MyCompany.Orders</c>, and <c>*</c> matches every source).
/// Matching ignores case, as .NET source names are not case-sensitive by convention.
/// </summary>
internal sealed class SourceFilter
{
    private readonly HashSet<string> exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> prefixes = [];

    public SourceFilter(IEnumerable<string> patterns)
    {
        foreach (var raw in patterns)
        {
            var pattern = raw.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            if (pattern.EndsWith('*'))
            {
                prefixes.Add(pattern[..^1]);
            }
            else
            {
                exact.Add(pattern);
            }
        }
    }

    public bool Matches(string sourceName) =>
        exact.Contains(sourceName) || prefixes.Exists(p => sourceName.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
