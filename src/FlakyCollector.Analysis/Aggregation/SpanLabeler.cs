using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Aggregation;

/// <summary>
/// Gives a child span the stable label its statistics are grouped under: HTTP client spans become
/// <c>HTTP {method} {server.address}{path}</c> (path without query, ids templated), database client
/// spans <c>DB {db.operation.name} {db.collection.name}</c>, others keep their span name, except
/// server spans with an <c>http.route</c>: <c>{method} {route}</c>, since ASP.NET Core names a span
/// by its method alone until routing has run, and every route would share it.
/// </summary>
internal static class SpanLabeler
{
    private const int ServerKind = 2;
    private const int ClientKind = 3;

    public static bool IsHttpClient(ParsedSpan span) =>
        span.HttpMethod is not null && (span.Kind == ClientKind || (span.Kind == 0 && span.UrlHost is not null));

    public static string Label(ParsedSpan span, StringPool strings)
    {
        if (span.DbSystem is not null)
        {
            return DatabaseLabel(span, strings);
        }

        if (span.Kind == ServerKind && span.HttpRoute is not null)
        {
            return span.Name.Contains(span.HttpRoute, StringComparison.Ordinal)
                ? span.Name
                : strings.Intern($"{span.HttpMethod ?? span.Name} {span.HttpRoute}");
        }

        if (!IsHttpClient(span))
        {
            return span.Name;
        }

        var method = span.HttpMethod.AsSpan();
        var server = (span.ServerAddress ?? span.UrlHost).AsSpan();
        var path = span.UrlPath.AsSpan();
        var length = 5 + method.Length + 1 + server.Length + path.Length;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        "HTTP ".CopyTo(buffer);
        method.CopyTo(buffer[5..]);
        buffer[5 + method.Length] = ' ';
        server.CopyTo(buffer[(6 + method.Length)..]);
        path.CopyTo(buffer[(6 + method.Length + server.Length)..]);
        return strings.Intern(buffer);
    }

    private static string DatabaseLabel(ParsedSpan span, StringPool strings)
    {
        // A span from an instrumentation without db.operation.name (older conventions) is named by
        // its operation already ("SELECT orders"); its database system alone would lump every query.
        if (span.DbOperation is null)
        {
            return strings.Intern($"DB {span.Name}");
        }

        return strings.Intern(span.DbCollection is null ? $"DB {span.DbOperation}" : $"DB {span.DbOperation} {span.DbCollection}");
    }

    public static bool IsTimeout(ParsedSpan span) =>
        span.HttpStatusCode is 408 or 504
        || (span.ErrorType is { } type && (type.Contains("timeout", StringComparison.OrdinalIgnoreCase)
            || type.Contains("TaskCanceled", StringComparison.Ordinal)
            || type.Contains("OperationCanceled", StringComparison.Ordinal)));
}
