using System.Data.Common;
using System.Diagnostics;

namespace FlakyCollector.Recording.Database;

/// <summary>Writes a database client span's name and semantic-convention tags from the command it times.</summary>
internal static class DatabaseSpanTags
{
    /// <summary>The span name the conventions ask for: <c>{operation} {collection}</c>, or what of it is known.</summary>
    public static string SpanName(string? operation, string? collection, string system) =>
        operation is null ? system : collection is null ? operation : $"{operation} {collection}";

    public static void TagCommand(Activity activity, DbCommand command, string system)
    {
        var text = command.CommandText ?? string.Empty;
        var operation = command.CommandType == System.Data.CommandType.StoredProcedure ? "EXECUTE" : SqlStatement.Operation(text);
        var collection = command.CommandType == System.Data.CommandType.StoredProcedure ? null : SqlStatement.Collection(text);
        activity.DisplayName = SpanName(operation, collection, system);
        activity.SetTag(DatabaseNames.SystemName, system);
        activity.SetTag(DatabaseNames.QueryText, SqlStatement.Sanitize(text));
        activity.SetTag(DatabaseNames.OperationName, operation);
        activity.SetTag(DatabaseNames.CollectionName, collection);
        TagConnection(activity, command.Connection, system);
    }

    public static void TagConnection(Activity activity, DbConnection? connection, string system)
    {
        if (connection is null)
        {
            return;
        }

        activity.SetTag(DatabaseNames.SystemName, system);
        activity.SetTag(DatabaseNames.Namespace, NullIfEmpty(connection.Database));
        if (system != DatabaseSystem.Sqlite && ServerAddress(connection.DataSource) is var (host, port))
        {
            // SQLite's data source is a file: no server.
            activity.SetTag(DatabaseNames.ServerAddress, host);
            activity.SetTag(DatabaseNames.ServerPort, port);
        }
    }

    /// <summary>Marks a failed call: status Error, <c>error.type</c> (the database's own code where it gives one), and an exception event.</summary>
    public static void TagError(Activity activity, Exception exception)
    {
        var code = exception is DbException { SqlState: { Length: > 0 } state } ? state : null;
        activity.SetTag(DatabaseNames.ResponseStatusCode, code);
        activity.SetTag(DatabaseNames.ErrorType, code ?? exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            ["exception.type"] = exception.GetType().FullName,
            ["exception.message"] = exception.Message,
        }));
    }

    /// <summary>Host and port from an ADO.NET data source: <c>tcp:host,1433</c>, <c>host\instance</c>, <c>host:5432</c>.</summary>
    public static (string Host, int? Port)? ServerAddress(string? dataSource)
    {
        if (string.IsNullOrWhiteSpace(dataSource))
        {
            return null;
        }

        var text = dataSource.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text[..colon] is "tcp" or "np" or "lpc" or "admin")
        {
            text = text[(colon + 1)..];
        }

        int? port = null;
        var comma = text.LastIndexOf(',');
        if (comma > 0 && int.TryParse(text[(comma + 1)..], out var p))
        {
            port = p;
            text = text[..comma];
        }

        var instance = text.IndexOf('\\', StringComparison.Ordinal);
        return (instance > 0 ? text[..instance] : text, port);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
