using System.Diagnostics;
using System.Reflection;
using FlakyCollector.Recording;

namespace FlakyCollector.Repro;

/// <summary>
/// Makes an application answer the named request of the test under repro with the failing runs'
/// status: an app tested in memory (TestServer) has no client call to redirect, only its own
/// server span. ASP.NET Core's <c>Microsoft.AspNetCore.Hosting.HttpRequestIn.Start</c> event
/// carries the request's <c>HttpContext</c> before any middleware runs; there the request gets an
/// endpoint that answers with the status, and endpoint routing, which skips matching for a request
/// that already has one, hands it to that endpoint. The app's own middleware still runs, the test,
/// its client and the trace see a real answer of the app. Everything is read by name: the core
/// references no ASP.NET Core assembly.
/// </summary>
internal sealed class AppAnswerOverride : IDisposable
{
    private const string ListenerName = "Microsoft.AspNetCore";
    private const string StartEvent = "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start";
    private const string Abstractions = "Microsoft.AspNetCore.Http.Abstractions";

    private readonly ReproInjector injector;
    private readonly DiagnosticEventSubscription events;

    public AppAnswerOverride(ReproInjector injector)
    {
        this.injector = injector;
        events = new DiagnosticEventSubscription(name => name == ListenerName, (name, _, _) => name.StartsWith("Microsoft.AspNetCore.Hosting.HttpRequestIn", StringComparison.Ordinal), OnEvent);
    }

    public void Dispose() => events.Dispose();

    private void OnEvent(KeyValuePair<string, object?> value)
    {
        try
        {
            if (value.Key != StartEvent || value.Value is not { } context || Activity.Current is not { } activity || !injector.IsArmed(activity.TraceId)
                || Read(context, "Request") is not { } request
                || Read(request, "Method") is not string method || Read(request, "Path")?.ToString() is not { } path
                || !injector.Plan.Span.MatchesServerRequest(method, path))
            {
                return;
            }

            Answer(context, new FailingAnswer(injector.Plan.Status, activity));
        }
        catch (Exception)
        {
            // Runs on the app's request path: never throw into it.
        }
    }

    private static void Answer(object context, FailingAnswer answer)
    {
        var requestDelegate = Type.GetType($"Microsoft.AspNetCore.Http.RequestDelegate, {Abstractions}", throwOnError: false);
        var endpointType = Type.GetType($"Microsoft.AspNetCore.Http.Endpoint, {Abstractions}", throwOnError: false);
        var setEndpoint = Type.GetType($"Microsoft.AspNetCore.Http.EndpointHttpContextExtensions, {Abstractions}", throwOnError: false)
            ?.GetMethod("SetEndpoint", BindingFlags.Public | BindingFlags.Static);
        if (requestDelegate is null || endpointType is null || setEndpoint is null)
        {
            return;
        }

        // RequestDelegate takes an HttpContext; a method taking object binds to it (parameter contravariance).
        var run = Delegate.CreateDelegate(requestDelegate, answer, typeof(FailingAnswer).GetMethod(nameof(FailingAnswer.Run))!);
        var endpoint = Activator.CreateInstance(endpointType, run, null, $"flakytrace repro: {answer.Status}");
        setEndpoint.Invoke(null, [context, endpoint]);
    }

    private static object? Read(object target, string property) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.GetValue(target);

    /// <summary>The endpoint's work: the status, and the mark on the server span that the answer was repro's.</summary>
    private sealed class FailingAnswer(int status, Activity serverSpan)
    {
        public int Status => status;

        public Task Run(object context)
        {
            if (Read(context, "Response") is { } response)
            {
                response.GetType().GetProperty("StatusCode")?.SetValue(response, status);
            }

            serverSpan.SetTag(ReproSettingNames.InjectedAttribute, $"the app answered {status}");
            return Task.CompletedTask;
        }
    }
}
