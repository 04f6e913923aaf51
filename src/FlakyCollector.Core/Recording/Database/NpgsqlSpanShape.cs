using FlakyCollector.Spans;

namespace FlakyCollector.Recording.Database;

/// <summary>
/// Brings Npgsql's own spans to the current database conventions. Npgsql writes the raw command
/// text (literals and all) and, before 9.0, the old names (<c>db.statement</c>, <c>db.name</c>,
/// <c>net.peer.name</c>) with its status in <c>otel.status_code</c>, and names a text command's span
/// after the database alone. The connection string and user name it adds are dropped: a recording
/// leaves the machine.
/// </summary>
internal static class NpgsqlSpanShape
{
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["db.statement"] = DatabaseNames.QueryText,
        ["db.system"] = DatabaseNames.SystemName,
        ["db.name"] = DatabaseNames.Namespace,
        ["db.operation"] = DatabaseNames.OperationName,
        ["db.sql.table"] = DatabaseNames.CollectionName,
        ["net.peer.name"] = DatabaseNames.ServerAddress,
        ["net.peer.port"] = DatabaseNames.ServerPort,
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "db.connection_string", "db.user", "otel.status_code", "otel.status_description", "net.peer.ip", "net.transport",
    };

    public static SpanData Apply(SpanData span)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        string? oldStatus = null;
        string? oldStatusText = null;
        foreach (var (key, value) in span.Attributes)
        {
            if (key == "otel.status_code")
            {
                oldStatus = value as string;
            }
            else if (key == "otel.status_description")
            {
                oldStatusText = value as string;
            }

            if (!Dropped.Contains(key))
            {
                attributes.TryAdd(Renamed.GetValueOrDefault(key, key), value);
            }
        }

        attributes.TryAdd(DatabaseNames.SystemName, DatabaseSystem.PostgreSql);
        var isConnect = span.Name.StartsWith(DatabaseNames.ConnectOperation + " ", StringComparison.Ordinal);
        if (attributes.GetValueOrDefault(DatabaseNames.QueryText) is string text)
        {
            attributes[DatabaseNames.QueryText] = SqlStatement.Sanitize(text);
            if (!attributes.ContainsKey(DatabaseNames.OperationName) && SqlStatement.Operation(text) is { } operation)
            {
                attributes[DatabaseNames.OperationName] = operation;
            }

            if (!attributes.ContainsKey(DatabaseNames.CollectionName) && SqlStatement.Collection(text) is { } collection)
            {
                attributes[DatabaseNames.CollectionName] = collection;
            }
        }

        var failed = span.StatusCode == SpanStatusCode.Error || oldStatus == "ERROR";
        if (failed && !attributes.ContainsKey(DatabaseNames.ErrorType))
        {
            attributes[DatabaseNames.ErrorType] = ExceptionType(span) ?? oldStatusText ?? "error";
        }

        return span with
        {
            Name = isConnect ? span.Name : DatabaseSpanTags.SpanName(
                attributes.GetValueOrDefault(DatabaseNames.OperationName) as string,
                attributes.GetValueOrDefault(DatabaseNames.CollectionName) as string,
                DatabaseSystem.PostgreSql),
            StatusCode = failed ? SpanStatusCode.Error : span.StatusCode == SpanStatusCode.Ok ? SpanStatusCode.Unset : span.StatusCode,
            StatusMessage = failed ? span.StatusMessage ?? oldStatusText : null,
            Attributes = [.. attributes.Select(a => new SpanAttribute(a.Key, a.Value))],
        };
    }

    private static string? ExceptionType(SpanData span) =>
        span.Events.Where(e => e.Name == "exception")
            .SelectMany(e => e.Attributes)
            .Where(a => a.Key == "exception.type")
            .Select(a => a.Value as string)
            .FirstOrDefault();
}
