using System.Diagnostics;

namespace RealFlakyXunit;

/// <summary>
/// The test database's connection pool: two connections for the whole test run, shared by every
/// test, as a pooled data source is. Taking one waits at most the caller's timeout.
/// </summary>
public static class ConnectionPool
{
    public static readonly ActivitySource Source = new("Shop.Data");
    private const int Size = 2;
    private static readonly SemaphoreSlim Connections = new(Size, Size);

    /// <summary>Runs a query on a pooled connection, holding it for <paramref name="queryTime"/>.</summary>
    public static async Task QueryAsync(string statement, TimeSpan waitTimeout, TimeSpan queryTime)
    {
        using (var wait = Source.StartActivity("pool.acquire"))
        {
            wait?.SetTag("db.client.connection.pool.name", "shop-db");
            wait?.SetTag("db.client.connection.pool.max", Size);
            wait?.SetTag("db.client.connection.count.used", Size - Connections.CurrentCount);
            if (!await Connections.WaitAsync(waitTimeout))
            {
                wait?.SetStatus(ActivityStatusCode.Error, "pool exhausted");
                throw new TimeoutException(
                    $"Timeout expired waiting {waitTimeout.TotalMilliseconds} ms for a connection from pool 'shop-db' (max {Size}, all in use).");
            }
        }

        try
        {
            using var query = Source.StartActivity("db.query");
            query?.SetTag("db.client.connection.pool.name", "shop-db");
            query?.SetTag("db.query.text", statement);
            await Task.Delay(queryTime);
        }
        finally
        {
            Connections.Release();
        }
    }
}
