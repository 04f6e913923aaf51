namespace FlakyCollector.Metadata;

/// <summary>
/// Removes credentials from URLs before they leave the machine: CI variables and <c>.git/config</c> often carry
/// clone URLs such as <c>https://gitlab-ci-token:TOKEN@gitlab.com/group/project.git</c>.
/// </summary>
internal static class UrlCredentials
{
    private static readonly char[] AuthorityEnd = ['/', '?', '#', '\\'];

    /// <summary>
    /// Removes the user information (<c>user:password@</c> or <c>token@</c>) of an http(s) URL. For ssh URLs only a
    /// password is removed: there the user (<c>ssh://git@host/...</c>) is an account name, not a secret. Strings that
    /// are not <c>scheme://</c> URLs, such as scp-like <c>git@github.com:org/repo.git</c> or paths, come back as given.
    /// </summary>
    public static string Strip(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return url;
        }

        var authorityStart = separator + 3;
        var authorityEnd = url.IndexOfAny(AuthorityEnd, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        // The last '@' of the authority ends the user information: an unencoded '@' may occur in a password.
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return url;
        }

        if (!KeepsUserName(url[..separator]))
        {
            return string.Concat(url.AsSpan(0, authorityStart), url.AsSpan(at + 1));
        }

        var colon = url.IndexOf(':', authorityStart, at - authorityStart);
        return colon < 0 ? url : string.Concat(url.AsSpan(0, colon), url.AsSpan(at));
    }

    private static bool KeepsUserName(string scheme) =>
        scheme.Equals("ssh", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("git+ssh", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("ssh+git", StringComparison.OrdinalIgnoreCase);
}
