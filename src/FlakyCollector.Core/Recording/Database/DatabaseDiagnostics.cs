using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Reflection;

namespace FlakyCollector.Recording.Database;

/// <summary>
/// Makes client spans from the diagnostic events that EF Core (any provider) and SqlClient write
/// for every command and connection open, under the span current when the call began. They write
/// events, not activities; the package reads them by name and their payloads by reflection, so it
/// never references either library and never meets the user's version of it.
/// </summary>
internal sealed class DatabaseDiagnostics : IDisposable
{
    // An operation whose end event never comes (a provider's bug, a process torn down) must not hold memory for ever.
    private const int MaxOpen = 10_000;

    private static readonly ActivitySource Source = new(DatabaseNames.SourceName);

    private readonly ConcurrentDictionary<Guid, Activity> open = new();
    private readonly DiagnosticEventSubscription events;

    public DatabaseDiagnostics() => events = new DiagnosticEventSubscription(name => name is DatabaseEvents.EntityFrameworkListener or DatabaseEvents.SqlClientListener, DatabaseEvents.IsRead, OnEvent);

    private void OnEvent(KeyValuePair<string, object?> value)
    {
        try
        {
            switch (DatabaseEvents.Classify(value.Key))
            {
                case DatabaseEventKind.CommandStart when Property(value.Value, "Command") is DbCommand command:
                    StartCommand(Id(value.Value, value.Key), command, fromEntityFramework: value.Key.StartsWith(DatabaseEvents.EntityFrameworkListener, StringComparison.Ordinal));
                    break;
                case DatabaseEventKind.ConnectionStart when Property(value.Value, "Connection") is DbConnection connection:
                    StartConnect(Id(value.Value, value.Key), connection, fromEntityFramework: value.Key.StartsWith(DatabaseEvents.EntityFrameworkListener, StringComparison.Ordinal));
                    break;
                case DatabaseEventKind.End:
                    Stop(Id(value.Value, value.Key), null);
                    break;
                case DatabaseEventKind.Failure:
                    Stop(Id(value.Value, value.Key), Property(value.Value, "Exception") as Exception);
                    break;
            }
        }
        catch (Exception)
        {
            // Runs on the user's database call: never let it fail the call.
        }
    }

    public void Dispose()
    {
        events.Dispose();
    }

    private void StartCommand(Guid id, DbCommand command, bool fromEntityFramework)
    {
        var system = DatabaseSystem.Of(command.Connection);
        if (fromEntityFramework && DatabaseSystem.SpansItself(system))
        {
            return;
        }

        if (Start(id) is { } activity)
        {
            DatabaseSpanTags.TagCommand(activity, command, system);
        }
    }

    private void StartConnect(Guid id, DbConnection connection, bool fromEntityFramework)
    {
        var system = DatabaseSystem.Of(connection);
        if (fromEntityFramework && DatabaseSystem.SpansItself(system))
        {
            return;
        }

        if (Start(id) is { } activity)
        {
            activity.DisplayName = $"{DatabaseNames.ConnectOperation} {system}";
            activity.SetTag(DatabaseNames.OperationName, DatabaseNames.ConnectOperation);
            DatabaseSpanTags.TagConnection(activity, connection, system);
        }
    }

    private Activity? Start(Guid id)
    {
        if (id == Guid.Empty || open.Count >= MaxOpen)
        {
            return null;
        }

        // The span is the caller's child, but must not become the caller's current activity: its end
        // event may come on another async path, which would keep a stopped span current there.
        var caller = Activity.Current;
        var activity = Source.StartActivity(DatabaseNames.SourceName, ActivityKind.Client);
        Activity.Current = caller;
        if (activity is not null && !open.TryAdd(id, activity))
        {
            activity.Stop();
            Activity.Current = caller;
            return null;
        }

        return activity;
    }

    private void Stop(Guid id, Exception? failure)
    {
        if (!open.TryRemove(id, out var activity))
        {
            return;
        }

        if (failure is not null)
        {
            DatabaseSpanTags.TagError(activity, failure);
        }

        var current = Activity.Current;
        activity.Stop();
        Activity.Current = current;
    }

    private static Guid Id(object? payload, string eventName) =>
        Property(payload, DatabaseEvents.IdProperty(eventName)) is Guid id ? id : Guid.Empty;

    private static object? Property(object? owner, string name) =>
        owner?.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
}
