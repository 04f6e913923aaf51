using System.Data.Common;
using Npgsql;

namespace DbXunit;

/// <summary>Plain ADO.NET over Npgsql: a table of the test's own connection, literals in the text.</summary>
public sealed class AdoNetTests
{
    [Fact]
    public async Task Stock_InsertThenRead()
    {
        await using DbConnection connection = new NpgsqlConnection(SamplePostgres.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TEMP TABLE IF NOT EXISTS stock (sku text, qty int)");
        await Execute(connection, "INSERT INTO stock (sku, qty) VALUES ('A-1', 5)");

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT qty FROM stock WHERE sku = 'A-1'";
        Assert.Equal(5, Convert.ToInt32(await read.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task MissingTable_QueryFails()
    {
        await using var connection = new NpgsqlConnection(SamplePostgres.ConnectionString);
        await connection.OpenAsync();

        var failure = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "SELECT qty FROM no_such_table WHERE sku = 'A-9'"));
        Assert.Equal("42P01", failure.SqlState);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
