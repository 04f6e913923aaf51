namespace FlakyCollector.Metadata;

// Turns the full Git ref names CI systems report into what a person calls the branch or tag.
internal static class GitRefName
{
    private const string PullPrefix = "refs/pull/";
    private static readonly string[] ShortenedPrefixes = ["refs/heads/", "refs/tags/"];

    // refs/heads/main becomes main, refs/tags/v1 becomes v1; pull refs give null.
    public static string? Short(string? name)
    {
        if (name is null || IsPullRequest(name))
        {
            return null;
        }

        foreach (var prefix in ShortenedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    // The number in refs/pull/123/merge (or /head), else null.
    public static string? PullRequestNumber(string? name)
    {
        if (name is null || !IsPullRequest(name))
        {
            return null;
        }

        var rest = name.AsSpan(PullPrefix.Length);
        var slash = rest.IndexOf('/');
        var number = slash < 0 ? rest : rest[..slash];
        return IsNumber(number) ? number.ToString() : null;
    }

    public static bool IsNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPullRequest(string name) => name.StartsWith(PullPrefix, StringComparison.Ordinal);
}
