using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using FlakyCollector.Recording;

namespace FlakyCollector.Repro;

/// <summary>
/// Reaches the outgoing HTTP calls of the test under repro through HttpClient's own diagnostics:
/// its <c>System.Net.Http.HttpRequestOut.Start</c> event carries the <see cref="HttpRequestMessage"/>
/// and is written on the caller's path, after the call's activity started and before a connection
/// is chosen. There the named call is sent through a loopback relay that holds it on the wire
/// (timing, to a plain-HTTP service), held back at its start (timing over HTTPS, race), or sent to
/// a loopback server that answers with the failing runs' status, or to a loopback port nobody
/// listens on (external). The call really fails: the test, HttpClient and the trace all see a real
/// 503, a refused connection, or a call cancelled in flight by the caller's own deadline.
/// </summary>
internal sealed class HttpCallRedirect : IDisposable
{
    private const string ListenerName = "HttpHandlerDiagnosticListener";
    private const string StartEvent = "System.Net.Http.HttpRequestOut.Start";

    private readonly ReproInjector injector;
    private readonly DiagnosticEventSubscription events;
    private readonly LoopbackStatusServer? statusServer;
    private readonly ConcurrentDictionary<(string Host, int Port), DelayingRelay> relays = new();
    private readonly int refusingPort;

    public HttpCallRedirect(ReproInjector injector)
    {
        this.injector = injector;
        if (injector.Plan.Action == ReproAction.FailWithStatus)
        {
            statusServer = new LoopbackStatusServer(injector.Plan.Status);
        }
        else if (injector.Plan.Action == ReproAction.RefuseConnection)
        {
            refusingPort = ClosedPort();
        }

        events = new DiagnosticEventSubscription(name => name == ListenerName, (name, _, _) => name.StartsWith("System.Net.Http.HttpRequestOut", StringComparison.Ordinal), OnEvent);
    }

    private void OnEvent(KeyValuePair<string, object?> value)
    {
        try
        {
            if (value.Key != StartEvent || Activity.Current is not { } activity
                || value.Value?.GetType().GetProperty("Request", BindingFlags.Public | BindingFlags.Instance)?.GetValue(value.Value) is not HttpRequestMessage { RequestUri: { IsAbsoluteUri: true } url } request
                || !injector.Plan.Span.MatchesRequest(request.Method.Method, url)
                || !((!injector.Plan.FixtureOnly && injector.IsArmed(activity.TraceId))
                    || (injector.Plan.Action != ReproAction.HoldUntilTestEnds && injector.IsFixtureWorkUnderRepro(activity))))
            {
                return;
            }

            switch (injector.Plan.Action)
            {
                case ReproAction.FailWithStatus when statusServer is not null:
                    Redirect(activity, request, url, statusServer.Port, $"answered {injector.Plan.Status}");
                    break;
                case ReproAction.RefuseConnection:
                    Redirect(activity, request, url, refusingPort, "connection refused");
                    break;
                case ReproAction.Delay when url.Scheme == Uri.UriSchemeHttp:
                    var relay = relays.GetOrAdd((url.Host, url.Port), service => new DelayingRelay(service.Host, service.Port, injector.Plan.By));
                    request.Headers.ConnectionClose = true;
                    var whose = injector.IsArmed(activity.TraceId) ? string.Empty : " (fixture)";
                    Redirect(activity, request, url, relay.Port, $"delay {injector.Plan.By.TotalMilliseconds:0} ms in flight{whose}");
                    break;
                default:
                    injector.Hold(activity);
                    break;
            }
        }
        catch (Exception)
        {
            // Runs on the test's own path: never throw into it.
        }
    }

    public void Dispose()
    {
        events.Dispose();
        statusServer?.Dispose();
        foreach (var relay in relays.Values)
        {
            relay.Dispose();
        }
    }

    private static void Redirect(Activity activity, HttpRequestMessage request, Uri url, int port, string what)
    {
        // The original authority stays in the Host header, as a proxy in between would leave it.
        request.Headers.Host ??= url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        request.RequestUri = new UriBuilder(url) { Scheme = Uri.UriSchemeHttp, Host = IPAddress.Loopback.ToString(), Port = port }.Uri;
        activity.SetTag(ReproSettingNames.InjectedAttribute, what);
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
