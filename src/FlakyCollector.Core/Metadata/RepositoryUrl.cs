namespace FlakyCollector.Metadata;

// Brings repository URLs to the form vcs.repository.url.full asks for: the https address a browser opens,
// without .git. So a run reads the same whether the URL came from a CI variable or from an ssh clone.
internal static class RepositoryUrl
{
    // Only hosts whose ssh and https paths are known to match are rewritten from ssh to https.
    private static readonly Dictionary<string, string> KnownHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["github.com"] = "github",
        ["gitlab.com"] = "gitlab",
        ["bitbucket.org"] = "bitbucket",
    };

    public static string Canonical(string url)
    {
        var stripped = UrlCredentials.Strip(url.Trim());
        if (Split(stripped) is not var (scheme, host, path))
        {
            return stripped;
        }

        var isHttp = scheme is "http" or "https";
        var isKnown = KnownHosts.ContainsKey(host);
        if (!isHttp && !isKnown)
        {
            return stripped;
        }

        path = path.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        if (path.Length == 0)
        {
            return stripped;
        }

        if (isKnown)
        {
            return $"https://{host.ToLowerInvariant()}/{path}";
        }

        // The scheme and authority (port included) of other servers are kept as they are.
        var authorityEnd = stripped.IndexOf('/', stripped.IndexOf("://", StringComparison.Ordinal) + 3);
        return authorityEnd < 0 ? stripped : $"{stripped[..authorityEnd]}/{path}";
    }

    // The vcs.provider.name of a repository on a public host, or null.
    public static string? ProviderName(string url) =>
        Split(UrlCredentials.Strip(url.Trim())) is var (_, host, _) && KnownHosts.TryGetValue(host, out var name) ? name : null;

    // Scheme (lower case; "ssh" for scp-like), host without port, path without leading '/'.
    private static (string Scheme, string Host, string Path)? Split(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator > 0)
        {
            var authorityStart = separator + 3;
            var slash = url.IndexOf('/', authorityStart);
            var authority = slash < 0 ? url[authorityStart..] : url[authorityStart..slash];
            var host = authority[(authority.LastIndexOf('@') + 1)..];
            var port = host.IndexOf(':', StringComparison.Ordinal);
            host = port < 0 ? host : host[..port];
            var path = slash < 0 ? string.Empty : url[(slash + 1)..];
            return host.Length == 0 ? null : (url[..separator].ToLowerInvariant(), host, path);
        }

        // scp-like [user@]host:path; a colon after a single letter is a Windows drive, not a host.
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 1 || url.AsSpan(0, colon).IndexOfAny('/', '\\') >= 0)
        {
            return null;
        }

        var scpHost = url[(url.LastIndexOf('@', colon) + 1)..colon];
        return scpHost.Length == 0 ? null : ("ssh", scpHost, url[(colon + 1)..].TrimStart('/'));
    }
}
