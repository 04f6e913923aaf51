using System.Collections.Concurrent;
using FlakyCollector.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The Db suites (tests/samples/Db{Xunit,NUnit,MSTest}, DbXunitV3Mtp on the platform) with the app
/// tests/samples/WebAppPrices: four tests read prices from the app in memory (EF Core over SQLite),
/// others use a real PostgreSQL through ADO.NET, Dapper and Npgsql. Nothing is configured: every
/// query must be a client span under the span that made it, with sanitised text.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DatabaseSpanTests(PackageFeed feed, ITestOutputHelper output)
{
    private const int Client = 3;
    private const int Error = 2;

    private static readonly ConcurrentDictionary<string, Lazy<SampleRun>> Runs = new();

    public static TheoryData<string> Suites => new() { "DbXunit", "DbNUnit", "DbMSTest", "DbXunitV3Mtp" };

    [Theory]
    [MemberData(nameof(Suites))]
    public void AppReadsPrice_EfCoreQueryUnderTheServerSpan(string suite)
    {
        var run = Run(suite);
        var tests = run.TestSpans.Where(t => t.Attribute("test.case.name")!.Contains("Reads_Price", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, tests.Count);
        foreach (var test in tests)
        {
            var trace = run.Spans.Where(s => s.TraceId == test.TraceId).ToList();
            output.WriteLine($"{suite} {test.Name}: {string.Join(", ", trace.Select(s => $"{s.Scope}/{s.Name}"))}");
            var server = Assert.Single(trace, s => s.Scope == "Microsoft.AspNetCore");
            Assert.Equal(test.SpanId, server.ParentSpanId);
            var query = Assert.Single(trace, s => s.Name == "SELECT Prices");
            Assert.Equal(("FlakyTrace.Database", Client, server.SpanId), (query.Scope, query.Kind, query.ParentSpanId));
            Assert.Equal(("sqlite", "SELECT", "Prices"), (query.Attribute("db.system.name"), query.Attribute("db.operation.name"), query.Attribute("db.collection.name")));
            Assert.Contains("FROM \"Prices\"", query.Attribute("db.query.text"), StringComparison.Ordinal);
            // The request opens its own connection; the first test of a class also starts the app, whose seeding is its work too.
            Assert.Single(trace, s => s.Name == "CONNECT sqlite" && s.ParentSpanId == server.SpanId);
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void AdoNetOverNpgsql_EveryQueryUnderTheTest_LiteralsReplaced(string suite)
    {
        var run = Run(suite);
        var test = Assert.Single(run.TestSpans, t => t.Attribute("test.case.name")!.EndsWith("Stock_InsertThenRead", StringComparison.Ordinal));
        var spans = run.Spans.Where(s => s.TraceId == test.TraceId && s.Scope == "Npgsql").ToList();
        output.WriteLine(string.Join(Environment.NewLine, spans.Select(q => $"{q.Name}: {q.Attribute("db.query.text")}")));

        // A physical connection open is a span of its own, when the pool had no connection to give.
        var queries = spans.Where(s => !s.Name.StartsWith("CONNECT ", StringComparison.Ordinal)).ToList();
        Assert.All(spans.Except(queries), c => Assert.Equal((test.SpanId, "postgresql"), (c.ParentSpanId, c.Attribute("db.system.name"))));
        Assert.Equal(["CREATE stock", "INSERT stock", "SELECT stock"], queries.OrderBy(q => q.StartUnixNano).Select(q => q.Name));
        Assert.All(queries, q =>
        {
            Assert.Equal((test.SpanId, Client, "postgresql"), (q.ParentSpanId, q.Kind, q.Attribute("db.system.name")));
            Assert.DoesNotContain("A-1", q.Attribute("db.query.text"), StringComparison.Ordinal);
            Assert.DoesNotContain(q.Attributes.Keys, k => k is "db.connection_string" or "db.statement");
        });
        Assert.Equal("SELECT qty FROM stock WHERE sku = ?", queries.Single(q => q.Name == "SELECT stock").Attribute("db.query.text"));
        Assert.Equal("INSERT INTO stock (sku, qty) VALUES (?, ?)", queries.Single(q => q.Name == "INSERT stock").Attribute("db.query.text"));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void FailingQuery_ErrorSpanWithTheDatabasesCode(string suite)
    {
        var run = Run(suite);
        var test = Assert.Single(run.TestSpans, t => t.Attribute("test.case.name")!.EndsWith("MissingTable_QueryFails", StringComparison.Ordinal));
        var query = Assert.Single(run.Spans, s => s.TraceId == test.TraceId && s.Name == "SELECT no_such_table");

        Assert.Equal((test.SpanId, Error, "42P01"), (query.ParentSpanId, query.StatusCode, query.Attribute("error.type")));
        Assert.Equal("SELECT qty FROM no_such_table WHERE sku = ?", query.Attribute("db.query.text"));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Dapper_ShowsThroughTheProvider_AndEveryTestPasses(string suite)
    {
        var run = Run(suite);
        var test = Assert.Single(run.TestSpans, t => t.Attribute("test.case.name")!.EndsWith("Orders_InsertThenCount", StringComparison.Ordinal));
        var queries = run.Spans.Where(s => s.TraceId == test.TraceId && s.Scope == "Npgsql").Select(s => s.Name).ToList();

        Assert.Contains("INSERT orders", queries);
        Assert.Contains("SELECT orders", queries);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        Assert.Equal(7, run.TrxResults.Count(r => r.Outcome == "Passed"));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void AppLogLines_CarryTheTestsTraceAndTheRequestsSpan(string suite)
    {
        var run = Run(suite);
        var tests = run.TestSpans.Where(t => t.Attribute("test.case.name")!.Contains("Reads_Price", StringComparison.Ordinal)).ToList();
        foreach (var test in tests)
        {
            var server = Assert.Single(run.Spans, s => s.TraceId == test.TraceId && s.Scope == "Microsoft.AspNetCore");
            var requested = Assert.Single(run.Logs, r => r.TraceId == test.TraceId && r.Body.StartsWith("Price requested for", StringComparison.Ordinal));
            Assert.Equal(("WebAppPrices.PriceCache", 9, "Price requested for {Sku}"), (requested.Scope, requested.SeverityNumber, requested.Attribute("log.record.template")));
            Assert.Equal(server.SpanId, requested.SpanId);
        }

        // Every app line of a test names the SKU that test asked for: none went to another test.
        Assert.All(run.Logs.Where(r => r.Body.StartsWith("Price requested for", StringComparison.Ordinal)), r =>
        {
            var test = Assert.Single(tests, t => t.TraceId == r.TraceId);
            Assert.Contains(r.Body["Price requested for ".Length..], test.Attribute("test.case.name"), StringComparison.Ordinal);
        });
    }

    /// <summary>One traced run per suite: app and suite side by side, the package added, the server's connection string given.</summary>
    private SampleRun Run(string suite) => Runs.GetOrAdd(suite, name => new Lazy<SampleRun>(() =>
    {
        var environment = new Dictionary<string, string?> { ["SAMPLE_POSTGRES"] = PostgresServer.ConnectionString() };
        using var app = SampleProject.Create("WebAppPrices", feed, addPackage: false);
        using var tests = SampleProject.CreateIn(app.Root, name, feed);
        var run = name.EndsWith("Mtp", StringComparison.Ordinal)
            ? tests.TestOnPlatform(["--flaky-trace"], environment)
            : tests.Test(["--collect", "FlakyTrace"], environment);
        _ = (run.Spans, run.Logs, run.TrxResults); // read before the folder goes
        return run;
    })).Value;
}
