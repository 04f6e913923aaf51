using System.Text;

namespace FlakyCollector.Export;

/// <summary>
/// Turns export failures into the one line a user sees: endpoint without credentials, the cause,
/// and no header values anywhere (they are often API keys).
/// </summary>
internal static class ExportErrorText
{
    private const int MaxLength = 500;
    private const int MinMaskedLength = 5;

    /// <summary>The endpoint as shown in messages: user info and query string may hold secrets.</summary>
    public static string Endpoint(Uri uri) => uri.IsAbsoluteUri
        ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        : uri.OriginalString;

    /// <summary>The causes of a transport failure, outermost first, without repeats.</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 3; current = current.InnerException)
        {
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !parts.Exists(p => p.Contains(message, StringComparison.Ordinal)))
            {
                parts.Add(message);
            }
        }

        return parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
    }

    /// <summary>Makes <paramref name="text"/> one line, bounded, with every header value masked.</summary>
    public static string Sanitize(string text, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var builder = new StringBuilder(text);
        foreach (var header in headers)
        {
            // Very short values would mask unrelated text ("1" in every port number) and are no
            // credential anyway.
            if (header.Value is { Length: >= MinMaskedLength } value)
            {
                builder.Replace(value, "***");
            }
        }

        for (var i = 0; i < builder.Length; i++)
        {
            if (char.IsControl(builder[i]))
            {
                builder[i] = ' ';
            }
        }

        if (builder.Length > MaxLength)
        {
            builder.Length = MaxLength;
            builder.Append("...");
        }

        return builder.ToString();
    }
}
