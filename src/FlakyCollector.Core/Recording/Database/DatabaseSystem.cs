namespace FlakyCollector.Recording.Database;

/// <summary>
/// The <c>db.system.name</c> of an ADO.NET connection, known by its type's name: the package
/// references no provider, so it never loads one the test project did not load itself.
/// </summary>
internal static class DatabaseSystem
{
    public const string Sqlite = "sqlite";
    public const string SqlServer = "microsoft.sql_server";
    public const string PostgreSql = "postgresql";

    public static string Of(object? connection) => connection?.GetType().FullName switch
    {
        "Microsoft.Data.Sqlite.SqliteConnection" or "System.Data.SQLite.SQLiteConnection" => Sqlite,
        "Microsoft.Data.SqlClient.SqlConnection" or "System.Data.SqlClient.SqlConnection" => SqlServer,
        "Npgsql.NpgsqlConnection" => PostgreSql,
        "MySqlConnector.MySqlConnection" or "MySql.Data.MySqlClient.MySqlConnection" => "mysql",
        "Oracle.ManagedDataAccess.Client.OracleConnection" => "oracle.db",
        _ => "other_sql",
    };

    /// <summary>True for providers that write spans of their own (Npgsql) or whose own diagnostics the recorder reads (SqlClient): EF Core's event would be a second span of the same call.</summary>
    public static bool SpansItself(string system) => system is PostgreSql or SqlServer;
}
