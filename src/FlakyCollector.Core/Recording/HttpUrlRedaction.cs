namespace FlakyCollector.Recording;

/// <summary>
/// <c>url.full</c> as the runtime writes it from .NET 9 on: no user info, and every query value
/// replaced by <c>*</c>, since query strings carry tokens that must not reach a trace backend.
/// </summary>
internal static class HttpUrlRedaction
{
    public static string Redact(Uri uri)
    {
        var withoutQuery = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return withoutQuery;
        }

        var redacted = query.Split('&').Select(pair => pair.IndexOf('=') is var equals and >= 0 ? pair[..(equals + 1)] + "*" : pair);
        return withoutQuery + "?" + string.Join('&', redacted);
    }
}
