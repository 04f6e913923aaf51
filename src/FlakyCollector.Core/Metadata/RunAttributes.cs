namespace FlakyCollector.Metadata;

// The run's CI and VCS attributes as they are gathered: blank values are dropped, and ToList
// makes every URL safe to export and derives the VCS provider from the repository URL when nothing said it.
internal sealed class RunAttributes
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public bool Has(string key) => values.ContainsKey(key);

    public string? Get(string key) => values.GetValueOrDefault(key);

    public void Set(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!values.ContainsKey(key))
        {
            order.Add(key);
        }

        values[key] = value.Trim();
    }

    // Sets key only when nothing set it before: the first source wins.
    public void SetIfMissing(string key, string? value)
    {
        if (!Has(key))
        {
            Set(key, value);
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToList()
    {
        if (Get(RunAttributeNames.RepositoryUrlFull) is { } repository)
        {
            values[RunAttributeNames.RepositoryUrlFull] = RepositoryUrl.Canonical(repository);
            SetIfMissing(RunAttributeNames.VcsProviderName, RepositoryUrl.ProviderName(repository));
        }

        return order
            .Select(key => new KeyValuePair<string, string>(
                key,
                key.EndsWith(RunAttributeNames.UrlSuffix, StringComparison.Ordinal) ? UrlCredentials.Strip(values[key]) : values[key]))
            .ToList();
    }
}
