namespace FlakyCollector.Metadata;

// Reads the remote URLs of a .git/config file: the url key of its [remote "name"] sections.
// Includes, insteadOf rewrites and the user's global config are not followed: a clone's own file names its remotes.
internal static class GitConfigFile
{
    // The URL of origin, else of the first remote with a URL, else null.
    public static string? RemoteUrl(string? configText)
    {
        if (configText is null)
        {
            return null;
        }

        string? remote = null;
        string? first = null;
        foreach (var rawLine in configText.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('['))
            {
                remote = RemoteName(line);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (remote is null || equals <= 0 || !line[..equals].Trim().Equals("url", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var url = Value(line[(equals + 1)..]);
            if (url.Length == 0)
            {
                continue;
            }

            if (remote == "origin")
            {
                return url;
            }

            first ??= url;
        }

        return first;
    }

    // "origin" for [remote "origin"] (or the old [remote.origin]); null for any other section.
    private static string? RemoteName(string header)
    {
        var close = header.LastIndexOf(']');
        var inside = (close < 0 ? header[1..] : header[1..close]).Trim();
        var quote = inside.IndexOf('"', StringComparison.Ordinal);
        if (quote > 0)
        {
            var section = inside[..quote].Trim();
            var name = inside[(quote + 1)..].TrimEnd('"');
            return section.Equals("remote", StringComparison.OrdinalIgnoreCase) ? name : null;
        }

        var dot = inside.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && inside[..dot].Equals("remote", StringComparison.OrdinalIgnoreCase) ? inside[(dot + 1)..].ToLowerInvariant() : null;
    }

    // A value with its quotes and escapes resolved and any trailing # or ; comment removed.
    private static string Value(string raw)
    {
        var value = new System.Text.StringBuilder(raw.Length);
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\' && i + 1 < raw.Length)
            {
                i++;
                value.Append(raw[i] switch { 'n' => '\n', 't' => '\t', 'b' => '\b', var other => other });
            }
            else if (!quoted && c is '#' or ';')
            {
                break;
            }
            else
            {
                value.Append(c);
            }
        }

        return value.ToString().Trim();
    }
}
