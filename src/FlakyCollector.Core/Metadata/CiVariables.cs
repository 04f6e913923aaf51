namespace FlakyCollector.Metadata;

// Reads CI environment variables, treating blank values as unset.
internal sealed class CiVariables(Func<string, string?> environment)
{
    public string? Get(string name)
    {
        var value = environment(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string? First(params string[] names)
    {
        foreach (var name in names)
        {
            if (Get(name) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    public bool IsSet(string name) => Get(name) is not null;

    // AppVeyor sets "True" on Windows images and "true" on Ubuntu ones.
    public bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

    // A pull request number, or null for the "false" several CIs set on branch builds.
    public string? PullRequestNumber(string name) =>
        Get(name) is { } value && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? value : null;
}
