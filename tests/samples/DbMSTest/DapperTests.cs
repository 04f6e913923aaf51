using Dapper;
using Npgsql;

namespace DbMSTest;

/// <summary>Dapper over an Npgsql data source: its calls show through the provider.</summary>
[TestClass]
public sealed class DapperTests
{
    [TestMethod]
    public async Task Orders_InsertThenCount()
    {
        await using var source = NpgsqlDataSource.Create(SamplePostgres.ConnectionString);
        await using var connection = await source.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TEMP TABLE IF NOT EXISTS orders (id int, sku text)");
        await connection.ExecuteAsync("INSERT INTO orders (id, sku) VALUES (@id, @sku)", new { id = 7, sku = "A-2" });

        var count = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM orders WHERE sku = @sku", new { sku = "A-2" });

        Assert.IsTrue(count >= 1);
    }
}
