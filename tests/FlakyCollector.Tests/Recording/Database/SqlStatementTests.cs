using FlakyCollector.Recording.Database;

namespace FlakyCollector.Tests.Recording.Database;

public sealed class SqlStatementTests
{
    [Theory]
    [InlineData("SELECT * FROM users WHERE name = 'O''Brien' AND age > 42", "SELECT * FROM users WHERE name = ? AND age > ?")]
    [InlineData("INSERT INTO \"Orders\" (\"Sku\", \"Price\") VALUES (@p0, 12.5e-3)", "INSERT INTO \"Orders\" (\"Sku\", \"Price\") VALUES (@p0, ?)")]
    [InlineData("SELECT \"p\".\"Id\" FROM \"Prices\" AS \"p\" WHERE \"p\".\"Sku\" = $1 LIMIT 1", "SELECT \"p\".\"Id\" FROM \"Prices\" AS \"p\" WHERE \"p\".\"Sku\" = $1 LIMIT ?")]
    [InlineData("select [t1].[col2] from [t1] where id = 0xFF -- the secret 'x'\n", "select [t1].[col2] from [t1] where id = ?")]
    [InlineData("UPDATE items SET qty = qty - 1 /* by 'job' */ WHERE id = :id", "UPDATE items SET qty = qty - ?  WHERE id = :id")]
    public void Sanitize_Literals_Placeholders(string sql, string expected) =>
        Assert.Equal(expected, SqlStatement.Sanitize(sql));

    [Theory]
    [InlineData("SELECT \"p\".\"Id\" FROM \"Prices\" AS \"p\"", "SELECT", "Prices")]
    [InlineData("  insert into dbo.[Orders] (a) values (1)", "INSERT", "dbo.Orders")]
    [InlineData("UPDATE items SET qty = 1", "UPDATE", "items")]
    [InlineData("DELETE FROM \"Carts\" WHERE id = @p0", "DELETE", "Carts")]
    [InlineData("SELECT count(*) FROM (SELECT 1 FROM t) x", "SELECT", "t")]
    [InlineData("WITH recent AS (SELECT 1) SELECT * FROM recent", "WITH", "recent")]
    [InlineData("CREATE TABLE \"Prices\" (\"Id\" INTEGER)", "CREATE", "Prices")]
    [InlineData("SELECT 1", "SELECT", null)]
    [InlineData("CREATE TEMP TABLE IF NOT EXISTS stock (sku text)", "CREATE", "stock")]
    [InlineData("SELECT * FROM ONLY parts", "SELECT", "parts")]
    public void OperationAndCollection_CommonStatements(string sql, string operation, string? collection)
    {
        Assert.Equal(operation, SqlStatement.Operation(sql));
        Assert.Equal(collection, SqlStatement.Collection(sql));
    }
}
