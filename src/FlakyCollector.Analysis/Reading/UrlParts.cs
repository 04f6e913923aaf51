namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Splits <c>url.full</c> into host and path, and turns a path into a stable template: segments
/// that look like ids (numbers, GUIDs, long hex) become <c>{id}</c>, so that
/// <c>/api/stock/42</c> and <c>/api/stock/43</c> aggregate under one label.
/// </summary>
internal static class UrlParts
{
    public static void Split(ReadOnlySpan<char> url, out ReadOnlySpan<char> host, out ReadOnlySpan<char> path)
    {
        var rest = url;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
            var slash = rest.IndexOfAny('/', '?', '#');
            var authority = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? [] : rest[slash..];
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority[(at + 1)..];
            }

            host = StripPort(authority);
        }
        else
        {
            host = [];
        }

        var end = rest.IndexOfAny('?', '#');
        path = end < 0 ? rest : rest[..end];
    }

    /// <summary>Writes the templated path into <paramref name="destination"/> (4 x the input length suffices).</summary>
    public static int Template(ReadOnlySpan<char> path, Span<char> destination)
    {
        var written = 0;
        var start = 0;
        while (start <= path.Length)
        {
            var slash = path[start..].IndexOf('/');
            var end = slash < 0 ? path.Length : start + slash;
            var segment = path[start..end];
            var replacement = LooksLikeId(segment) ? "{id}".AsSpan() : segment;
            replacement.CopyTo(destination[written..]);
            written += replacement.Length;
            if (slash < 0)
            {
                break;
            }

            destination[written++] = '/';
            start = end + 1;
        }

        return written;
    }

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    private static bool LooksLikeId(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
        {
            return false;
        }

        var digits = 0;
        var hexOrDash = 0;
        foreach (var c in segment)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiHexDigit(c) || c == '-')
            {
                hexOrDash++;
            }
        }

        // All digits is an id; a long hex/GUID-like token with digits is an id; words are not.
        return digits == segment.Length
            || (segment.Length >= 8 && digits > 0 && digits + hexOrDash == segment.Length);
    }
}
