using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Recording.Database;
using FlakyCollector.Spans;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Recording.Database;

/// <summary>Real EF Core and SqlClient calls inside a test: each becomes a client span under the test, from their own diagnostics.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class DatabaseDiagnosticsTests : IDisposable
{
    private const string TestKey = "Shop.Tests.PriceTests.Reads";
    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);

    private readonly ActivityRecorder recorder = new(new SourceFilter(TestActivityNames.DefaultSources));

    public void Dispose() => recorder.Dispose();

    [Fact]
    public async Task EfCoreOverSqlite_QueriesAreChildSpansWithSanitisedText()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<PriceContext>().UseSqlite(connection).Options;
        using (var setup = new PriceContext(options))
        {
            setup.Database.EnsureCreated();
        }

        var test = StartHookTest();
        using (var db = new PriceContext(options))
        {
            db.Prices.Add(new Price { Sku = "A-1", Amount = 12.5m });
            await db.SaveChangesAsync();
            _ = await db.Prices.Where(p => p.Sku == "A-1" && p.Amount > 3).ToListAsync();
        }

        test.Stop();
        var children = Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren();

        var insert = Assert.Single(children, c => c.Name == "INSERT Prices");
        var select = Assert.Single(children, c => c.Name == "SELECT Prices");
        foreach (var span in new[] { insert, select })
        {
            Assert.Equal(SpanKind.Client, span.Kind);
            Assert.Equal(test.SpanId.ToHexString(), span.ParentSpanId);
            Assert.Equal(DatabaseNames.SourceName, span.ScopeName);
            Assert.Equal("sqlite", Attribute(span, DatabaseNames.SystemName));
            Assert.Equal("main", Attribute(span, DatabaseNames.Namespace));
        }

        var text = (string)Attribute(select, DatabaseNames.QueryText)!;
        Assert.Contains("FROM \"Prices\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3", text.Replace("\"", string.Empty, StringComparison.Ordinal).Split(' ').Where(w => w.All(char.IsDigit)), StringComparer.Ordinal);
        Assert.Equal("SELECT", Attribute(select, DatabaseNames.OperationName));
        Assert.Equal("Prices", Attribute(select, DatabaseNames.CollectionName));
    }

    [Fact]
    public async Task EfCoreFailingQuery_ErrorSpan()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<PriceContext>().UseSqlite(connection).Options;

        var test = StartHookTest();
        using (var db = new PriceContext(options))
        {
            // No schema: the table does not exist.
            await Assert.ThrowsAsync<SqliteException>(() => db.Prices.ToListAsync());
        }

        test.Stop();
        var span = Assert.Single(Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren(), c => c.Name == "SELECT Prices");
        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.Contains("no such table", span.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(typeof(SqliteException).FullName, Attribute(span, DatabaseNames.ErrorType));
        Assert.Contains(span.Events, e => e.Name == "exception");
    }

    [Fact]
    public void SqlClientConnectionRefused_FailedConnectSpanUnderTest()
    {
        var test = StartHookTest();
        using (var connection = new Microsoft.Data.SqlClient.SqlConnection("Data Source=tcp:127.0.0.1,1;Connect Timeout=2;Encrypt=false"))
        {
            Assert.ThrowsAny<Exception>(connection.Open);
        }

        test.Stop();
        var span = Assert.Single(Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren(), c => c.ScopeName == DatabaseNames.SourceName);
        Assert.Equal("CONNECT microsoft.sql_server", span.Name);
        Assert.Equal(test.SpanId.ToHexString(), span.ParentSpanId);
        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.Equal("127.0.0.1", Attribute(span, DatabaseNames.ServerAddress));
        Assert.Equal(1L, Attribute(span, DatabaseNames.ServerPort));
    }

    [Fact]
    public void SqlClientCommandOnAClosedConnection_ErrorSpanUnderTest_LiteralsReplaced()
    {
        // No SQL Server here: a command SqlClient refuses before reaching a server still goes through
        // its command events (WriteCommandBefore, then WriteCommandError), as a failing query would.
        var test = StartHookTest();
        using (var connection = new Microsoft.Data.SqlClient.SqlConnection("Data Source=tcp:127.0.0.1,1;Initial Catalog=shop;Encrypt=false"))
        using (var command = new Microsoft.Data.SqlClient.SqlCommand("SELECT qty FROM stock WHERE sku = 'A-1'", connection))
        {
            Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        }

        test.Stop();
        var span = Assert.Single(Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren(), c => c.ScopeName == DatabaseNames.SourceName);
        Assert.Equal(("SELECT stock", test.SpanId.ToHexString(), SpanStatusCode.Error), (span.Name, span.ParentSpanId, span.StatusCode));
        Assert.Equal("microsoft.sql_server", Attribute(span, DatabaseNames.SystemName));
        Assert.Equal("SELECT qty FROM stock WHERE sku = ?", Attribute(span, DatabaseNames.QueryText));
        Assert.Equal(typeof(InvalidOperationException).FullName, Attribute(span, DatabaseNames.ErrorType));
        Assert.Equal("shop", Attribute(span, DatabaseNames.Namespace));
    }

    [Fact]
    public async Task EfCoreOverSqlServer_RefusedConnection_OneConnectSpan_SqlClientsNotEfsToo()
    {
        // EF Core and SqlClient both report this open; SqlClient's events make the span, EF's are left out.
        var options = new DbContextOptionsBuilder<PriceContext>().UseSqlServer("Data Source=tcp:127.0.0.1,1;Initial Catalog=shop;Connect Timeout=2;Encrypt=false").Options;
        var test = StartHookTest();
        using (var db = new PriceContext(options))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Prices.Where(p => p.Sku == "A-1").ToListAsync());
        }

        test.Stop();
        var spans = Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren().Where(c => c.ScopeName == DatabaseNames.SourceName).ToList();
        var connect = Assert.Single(spans);
        Assert.Equal(("CONNECT microsoft.sql_server", SpanStatusCode.Error, test.SpanId.ToHexString()), (connect.Name, connect.StatusCode, connect.ParentSpanId));
    }

    private static object? Attribute(SpanData span, string key) => span.Attributes.FirstOrDefault(a => a.Key == key).Value;

    private static Activity StartHookTest()
    {
        Activity.Current = null;
        var activity = HookSource.StartActivity(TestKey, ActivityKind.Internal);
        Assert.NotNull(activity);
        activity.SetTag(TestActivityNames.KeyTag, TestKey);
        return activity;
    }
}
