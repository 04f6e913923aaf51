using System.Net.Sockets;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server that <c>eng/postgres.sh start</c> started (CI does so in <c>.ci/run</c>): its
/// connection string from FLAKYTRACE_POSTGRES or artifacts/postgres/connection.txt. No server is a
/// failure that says what to run, never a skip.
/// </summary>
public static class PostgresServer
{
    public static string ConnectionString()
    {
        var file = Path.Combine(RepositoryPaths.Root, "artifacts", "postgres", "connection.txt");
        var text = Environment.GetEnvironmentVariable("FLAKYTRACE_POSTGRES") is { Length: > 0 } set ? set
            : File.Exists(file) ? File.ReadAllText(file).Trim()
            : throw new InvalidOperationException($"No PostgreSQL server: run eng/postgres.sh start (it writes {file}), or set FLAKYTRACE_POSTGRES.");
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : string.Empty, StringComparer.OrdinalIgnoreCase);
        var host = parts.GetValueOrDefault("Host", "127.0.0.1");
        var port = int.Parse(parts.GetValueOrDefault("Port", "5432"), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using var client = new TcpClient();
            client.Connect(host, port);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"PostgreSQL does not answer at {host}:{port} ({e.SocketErrorCode}): run eng/postgres.sh start.", e);
        }

        return text;
    }
}
