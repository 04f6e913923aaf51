using System.Diagnostics;

namespace FlakyCollector.Recording;

/// <summary>
/// ASP.NET Core's request activity carries no tags of its own: no method, path or status. When a
/// request ends, hosting writes an event with its HttpContext while the request's activity is
/// still current; this reads what a trace needs from it, by reflection, so that the collector
/// needs no reference to ASP.NET Core and costs nothing where it is not used.
/// </summary>
internal sealed class AspNetCoreRequestTags : IDisposable
{
    private const string ListenerName = "Microsoft.AspNetCore";
    private const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private const string StopEvent = RequestActivity + ".Stop";

    private readonly DiagnosticEventSubscription events;

    public AspNetCoreRequestTags() => events = new DiagnosticEventSubscription(name => name == ListenerName, (name, _, _) => name.StartsWith(RequestActivity, StringComparison.Ordinal), OnEvent);

    private void OnEvent(KeyValuePair<string, object?> value)
    {
        try
        {
            if (value.Key == StopEvent && value.Value is { } httpContext && Activity.Current is { } activity)
            {
                Tag(activity, httpContext);
            }
        }
        catch (Exception)
        {
            // Runs on the server's request path: never let it fail the request.
        }
    }

    public void Dispose()
    {
        events.Dispose();
    }

    private static void Tag(Activity activity, object httpContext)
    {
        var request = Property(httpContext, "Request");
        var method = Property(request, "Method") as string;
        var path = Property(request, "Path")?.ToString();
        var status = Property(Property(httpContext, "Response"), "StatusCode") as int?;
        if (method is not null && activity.GetTagItem("http.request.method") is null)
        {
            activity.SetTag("http.request.method", method);
            activity.DisplayName = method;
        }

        if (!string.IsNullOrEmpty(path) && activity.GetTagItem("url.path") is null)
        {
            activity.SetTag("url.path", path);
        }

        if (status is { } code && activity.GetTagItem("http.response.status_code") is null)
        {
            activity.SetTag("http.response.status_code", code);
            if (code >= 500 && activity.Status == ActivityStatusCode.Unset)
            {
                activity.SetStatus(ActivityStatusCode.Error);
                activity.SetTag("error.type", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static object? Property(object? owner, string name) =>
        owner?.GetType().GetProperty(name)?.GetValue(owner);
}
