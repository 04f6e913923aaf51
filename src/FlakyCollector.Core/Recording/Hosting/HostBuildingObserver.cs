using System.Diagnostics;
using System.Reflection;
using FlakyCollector.Configuration;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// Watches Microsoft.Extensions.Hosting build its hosts. <c>HostBuilder</c> and <c>HostApplicationBuilder</c>
/// (under <c>WebApplicationBuilder</c>) write a <c>HostBuilding</c> event with themselves on the
/// "Microsoft.Extensions.Hosting" DiagnosticListener just before they build the service provider;
/// <c>WebApplicationFactory</c> relies on the same event. Here it is where <see cref="AppHostWiring"/>
/// edits the host's services, by reflection, so the recorder needs no reference to the hosting libraries.
/// </summary>
internal sealed class HostBuildingObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string ListenerName = "Microsoft.Extensions.Hosting";
    private const string HostBuilding = "HostBuilding";

    /// <summary>Set to <c>off</c> in the test process's environment to leave application hosts untouched.</summary>
    public const string OptOutVariable = SettingNames.EnvAppHosts;

    private readonly IDisposable? allListeners;
    private readonly List<IDisposable> subscriptions = [];

    public HostBuildingObserver()
    {
        var off = string.Equals(Environment.GetEnvironmentVariable(OptOutVariable), "off", StringComparison.OrdinalIgnoreCase);
        allListeners = off ? null : DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == ListenerName)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, (name, _, _) => name == HostBuilding));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        try
        {
            if (value.Key == HostBuilding && value.Value is { } builder)
            {
                Wire(builder);
            }
        }
        catch (Exception)
        {
            // Runs inside the application's host build: never let it fail the application.
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners?.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }

    private static void Wire(object builder)
    {
        // HostApplicationBuilder: its services are still open to changes while the event runs.
        if (builder.GetType().GetProperty("Services", BindingFlags.Public | BindingFlags.Instance)?.GetValue(builder) is { } services)
        {
            AppHostWiring.Apply(services);
            return;
        }

        // HostBuilder: its services do not exist yet; a last ConfigureServices callback sees them all.
        var configure = builder.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == "ConfigureServices" && m.GetParameters() is [{ ParameterType.IsGenericType: true } p]
                && p.ParameterType.GetGenericTypeDefinition() == typeof(Action<,>));
        if (configure is not null)
        {
            var callback = Delegate.CreateDelegate(configure.GetParameters()[0].ParameterType, typeof(HostBuildingObserver).GetMethod(nameof(OnConfigureServices), BindingFlags.NonPublic | BindingFlags.Static)!);
            configure.Invoke(builder, [callback]);
        }
    }

    private static void OnConfigureServices(object context, object services)
    {
        try
        {
            AppHostWiring.Apply(services);
        }
        catch (Exception)
        {
            // Runs inside the application's host build: never let it fail the application.
        }
    }
}
