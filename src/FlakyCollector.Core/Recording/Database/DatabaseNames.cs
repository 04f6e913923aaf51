namespace FlakyCollector.Recording.Database;

/// <summary>
/// Names of database client spans, after the OpenTelemetry database semantic conventions, and the
/// ActivitySource under which the recorder writes the spans it makes from libraries' diagnostic events.
/// </summary>
internal static class DatabaseNames
{
    /// <summary>The ActivitySource of database spans made from EF Core's and SqlClient's diagnostic events.</summary>
    public const string SourceName = "FlakyTrace.Database";

    /// <summary>Npgsql's own ActivitySource: it writes its spans itself once anything listens.</summary>
    public const string NpgsqlSourceName = "Npgsql";

    public const string SystemName = "db.system.name";
    public const string OperationName = "db.operation.name";
    public const string CollectionName = "db.collection.name";
    public const string QueryText = "db.query.text";
    public const string Namespace = "db.namespace";
    public const string ResponseStatusCode = "db.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";

    /// <summary>The operation name of a connection open span (the semantic conventions have none; Npgsql's own is <c>CONNECT</c> too).</summary>
    public const string ConnectOperation = "CONNECT";
}
