namespace FlakyCollector.Recording.Database;

/// <summary>
/// The diagnostic events read, as the libraries name them. EF Core: <c>RelationalEventId</c>'s
/// command and connection events (payloads <c>CommandEventData</c>, <c>ConnectionEventData</c> and
/// their end and error kinds), keyed by <c>CommandId</c> / <c>ConnectionId</c>. SqlClient (both
/// Microsoft.Data and System.Data): <c>Write{Command,ConnectionOpen}{Before,After,Error}</c>, keyed by
/// <c>OperationId</c>.
/// </summary>
internal static class DatabaseEvents
{
    public const string EntityFrameworkListener = "Microsoft.EntityFrameworkCore";
    public const string SqlClientListener = "SqlClientDiagnosticListener";

    private const string EfCommand = "Microsoft.EntityFrameworkCore.Database.Command.";
    private const string EfConnection = "Microsoft.EntityFrameworkCore.Database.Connection.";

    public static DatabaseEventKind Classify(string name) => name switch
    {
        EfCommand + "CommandExecuting" => DatabaseEventKind.CommandStart,
        EfCommand + "CommandExecuted" or EfCommand + "CommandCanceled" => DatabaseEventKind.End,
        EfCommand + "CommandError" => DatabaseEventKind.Failure,
        EfConnection + "ConnectionOpening" => DatabaseEventKind.ConnectionStart,
        EfConnection + "ConnectionOpened" => DatabaseEventKind.End,
        EfConnection + "ConnectionError" => DatabaseEventKind.Failure,
        _ when IsSqlClient(name) => SqlClientKind(name[(name.LastIndexOf('.') + 1)..]),
        _ => DatabaseEventKind.Other,
    };

    /// <summary>The payload property that pairs an operation's start with its end.</summary>
    public static string IdProperty(string name) =>
        name.StartsWith(EfCommand, StringComparison.Ordinal) ? "CommandId"
        : name.StartsWith(EfConnection, StringComparison.Ordinal) ? "ConnectionId"
        : "OperationId";

    /// <summary>Asks the libraries to write only these events: every other one costs them a payload for nothing.</summary>
    public static bool IsRead(string name, object? arg1, object? arg2) => Classify(name) != DatabaseEventKind.Other;

    private static bool IsSqlClient(string name) =>
        name.StartsWith("Microsoft.Data.SqlClient.Write", StringComparison.Ordinal)
        || name.StartsWith("System.Data.SqlClient.Write", StringComparison.Ordinal);

    private static DatabaseEventKind SqlClientKind(string name) => name switch
    {
        "WriteCommandBefore" => DatabaseEventKind.CommandStart,
        "WriteConnectionOpenBefore" => DatabaseEventKind.ConnectionStart,
        "WriteCommandAfter" or "WriteConnectionOpenAfter" => DatabaseEventKind.End,
        "WriteCommandError" or "WriteConnectionOpenError" => DatabaseEventKind.Failure,
        _ => DatabaseEventKind.Other,
    };
}
