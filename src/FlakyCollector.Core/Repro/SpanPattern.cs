using System.Diagnostics;

namespace FlakyCollector.Repro;

/// <summary>
/// A span as the analysis labels it, turned back into a test on live work: a span name
/// (<c>RenderReport</c>), a server span's route label (<c>GET /price/{id}</c>), or an HTTP client
/// label (<c>HTTP GET localhost/price/{id}</c>), or <c>HTTP *</c>, any HTTP call (a set-up's failure
/// read from its text names no call). In a path, a segment in braces matches any one segment, as the
/// analysis templates ids.
/// </summary>
internal sealed class SpanPattern
{
    /// <summary>The label of any HTTP call.</summary>
    public const string AnyHttpCall = "HTTP *";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT"];

    private SpanPattern(string label, string? method, string? host, string? path)
    {
        Label = label;
        Method = method;
        Host = host;
        Path = path;
    }

    public string Label { get; }

    /// <summary>The HTTP method, for an HTTP label; null for a span name.</summary>
    public string? Method { get; }

    /// <summary>The server's host, for a client label.</summary>
    public string? Host { get; }

    public string? Path { get; }

    public bool IsHttpClient => Host is not null;

    /// <summary>Whether this is <see cref="AnyHttpCall"/>.</summary>
    public bool IsAnyHttpCall => Label == AnyHttpCall;

    public static SpanPattern Parse(string label)
    {
        var text = label.Trim();
        if (text == AnyHttpCall)
        {
            return new SpanPattern(text, "*", "*", null);
        }

        if (text.StartsWith("HTTP ", StringComparison.Ordinal))
        {
            var parts = text[5..].Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                var slash = parts[1].IndexOf('/');
                return slash < 0
                    ? new SpanPattern(text, parts[0], parts[1], "/")
                    : new SpanPattern(text, parts[0], parts[1][..slash], parts[1][slash..]);
            }
        }

        var words = text.Split(' ', 2, StringSplitOptions.TrimEntries);
        return words.Length == 2 && Methods.Contains(words[0]) && words[1].StartsWith('/')
            ? new SpanPattern(text, words[0], null, words[1])
            : new SpanPattern(text, null, null, null);
    }

    /// <summary>Whether an activity that has just started is this span: by name, or by the HTTP tags the runtime sets before starting it.</summary>
    public bool Matches(Activity activity)
    {
        if (activity.OperationName == Label || activity.DisplayName == Label)
        {
            return true;
        }

        if (Method is null || activity.GetTagItem("http.request.method") is not string method)
        {
            return false;
        }

        if (IsHttpClient)
        {
            return Uri.TryCreate(activity.GetTagItem("url.full") as string, UriKind.Absolute, out var url) && MatchesRequest(method, url);
        }

        return string.Equals(method, Method, StringComparison.OrdinalIgnoreCase)
            && activity.GetTagItem("url.path") is string path && PathMatches(path);
    }

    /// <summary>Whether an outgoing HTTP request is this client span.</summary>
    public bool MatchesRequest(string method, Uri url) =>
        IsAnyHttpCall
        || Method is not null
        && string.Equals(method, Method, StringComparison.OrdinalIgnoreCase)
        && (Host is null || string.Equals(url.Host, Host, StringComparison.OrdinalIgnoreCase))
        && PathMatches(url.AbsolutePath);

    /// <summary>Whether a request an application receives is this server span (its route label).</summary>
    public bool MatchesServerRequest(string method, string path) =>
        Method is not null && !IsHttpClient
        && string.Equals(method, Method, StringComparison.OrdinalIgnoreCase)
        && PathMatches(path);

    private bool PathMatches(string path)
    {
        var expected = (Path ?? "/").Split('/');
        var actual = path.Split('/');
        if (expected.Length != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var segment = expected[i];
            var wildcard = segment.Length > 2 && segment[0] == '{' && segment[^1] == '}' && actual[i].Length > 0;
            if (!wildcard && !string.Equals(segment, actual[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
