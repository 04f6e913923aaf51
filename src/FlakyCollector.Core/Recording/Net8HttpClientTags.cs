using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace FlakyCollector.Recording;

/// <summary>
/// On .NET 8, HttpClient's <c>System.Net.Http.HttpRequestOut</c> activity carries no tags (the
/// runtime adds the semantic conventions from .NET 9 on). Its diagnostic listener still writes an
/// exception event and a stop event with the request and response while the activity is current
/// and not yet stopped; this tags the activity from them as .NET 9 would: method, URL, server
/// address and port, status code, and <c>error.type</c> with an Error status.
/// </summary>
internal sealed class Net8HttpClientTags : IDisposable
{
    private const string ListenerName = "HttpHandlerDiagnosticListener";
    private const string RequestActivity = "System.Net.Http.HttpRequestOut";
    private const string StopEvent = RequestActivity + ".Stop";
    private const string ExceptionEvent = "System.Net.Http.Exception";

    private readonly DiagnosticEventSubscription events;

    private Net8HttpClientTags() => events = new DiagnosticEventSubscription(name => name == ListenerName, IsEnabled, OnEvent);

    /// <summary>Starts tagging where the runtime does not tag itself (before .NET 9); null elsewhere.</summary>
    public static Net8HttpClientTags? StartIfNeeded(Version runtime) => runtime.Major < 9 ? new Net8HttpClientTags() : null;

    private void OnEvent(KeyValuePair<string, object?> value)
    {
        try
        {
            if (Activity.Current is not { OperationName: RequestActivity } activity)
            {
                return;
            }

            if (value.Key == StopEvent)
            {
                Tag(activity, Property(value.Value, "Request") as HttpRequestMessage, Property(value.Value, "Response") as HttpResponseMessage,
                    Property(value.Value, "RequestTaskStatus") as TaskStatus?);
            }
            else if (value.Key == ExceptionEvent && Property(value.Value, "Exception") is Exception exception)
            {
                activity.SetTag("error.type", exception.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            }
        }
        catch (Exception)
        {
            // Runs on the test's HTTP call: never let it fail the call.
        }
    }

    public void Dispose()
    {
        events.Dispose();
    }

    /// <summary>Writes the semantic-convention tags of one finished client request onto its activity.</summary>
    public static void Tag(Activity activity, HttpRequestMessage? request, HttpResponseMessage? response, TaskStatus? taskStatus)
    {
        if (request is not null)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.full", HttpUrlRedaction.Redact(uri));
            }
        }

        if (response is not null)
        {
            var code = (int)response.StatusCode;
            activity.SetTag("http.response.status_code", code);
            activity.SetTag("network.protocol.version", response.Version.ToString(2));
            if (code >= 400 && activity.GetTagItem("error.type") is null)
            {
                activity.SetTag("error.type", code.ToString(CultureInfo.InvariantCulture));
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
        else if (taskStatus is TaskStatus.Canceled && activity.GetTagItem("error.type") is null)
        {
            activity.SetTag("error.type", typeof(TaskCanceledException).FullName);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    // Enabling the activity's start event keeps the handler writing its stop event.
    private static bool IsEnabled(string name, object? request, object? context) =>
        name.StartsWith(RequestActivity, StringComparison.Ordinal) || name == ExceptionEvent;

    private static object? Property(object? owner, string name) =>
        owner?.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
}
