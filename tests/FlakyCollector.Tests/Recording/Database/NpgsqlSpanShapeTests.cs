using FlakyCollector.Recording.Database;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Recording.Database;

public sealed class NpgsqlSpanShapeTests
{
    [Fact]
    public void Apply_OldConventions_CurrentNamesSanitisedAndNoConnectionString()
    {
        var span = Span("orders", [
            new("db.statement", "SELECT * FROM prices WHERE sku = 'A-1'"),
            new("db.system", "postgresql"),
            new("db.name", "orders"),
            new("db.connection_string", "Host=db;Username=app"),
            new("db.user", "app"),
            new("net.peer.name", "db"),
            new("otel.status_code", "ERROR"),
            new("otel.status_description", "42P01"),
        ]) with { Events = [new SpanEventData("exception", 1, [new("exception.type", "Npgsql.PostgresException")])] };

        var shaped = NpgsqlSpanShape.Apply(span);

        Assert.Equal("SELECT prices", shaped.Name);
        Assert.Equal(SpanStatusCode.Error, shaped.StatusCode);
        Assert.Equal("42P01", shaped.StatusMessage);
        var attributes = shaped.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("SELECT * FROM prices WHERE sku = ?", attributes[DatabaseNames.QueryText]);
        Assert.Equal("orders", attributes[DatabaseNames.Namespace]);
        Assert.Equal("db", attributes[DatabaseNames.ServerAddress]);
        Assert.Equal("Npgsql.PostgresException", attributes[DatabaseNames.ErrorType]);
        Assert.DoesNotContain("db.connection_string", attributes.Keys);
        Assert.DoesNotContain("db.user", attributes.Keys);
        Assert.DoesNotContain("db.statement", attributes.Keys);
    }

    [Fact]
    public void Apply_CurrentConventions_NamedByOperationAndTable()
    {
        var span = Span("postgresql", [
            new("db.query.text", "INSERT INTO carts (id) VALUES ($1)"),
            new("db.system.name", "postgresql"),
            new("error.type", "23505"),
        ]) with { StatusCode = SpanStatusCode.Error };

        var shaped = NpgsqlSpanShape.Apply(span);

        Assert.Equal("INSERT carts", shaped.Name);
        Assert.Contains(new SpanAttribute(DatabaseNames.ErrorType, "23505"), shaped.Attributes);
        Assert.Contains(new SpanAttribute(DatabaseNames.CollectionName, "carts"), shaped.Attributes);
    }

    [Fact]
    public void Apply_Connect_KeepsName()
    {
        Assert.Equal("CONNECT orders", NpgsqlSpanShape.Apply(Span("CONNECT orders", [new("db.system.name", "postgresql")])).Name);
    }

    private static SpanData Span(string name, IReadOnlyList<SpanAttribute> attributes) => new()
    {
        TraceId = new string('1', 32),
        SpanId = new string('2', 16),
        Name = name,
        Kind = SpanKind.Client,
        StartTimeUnixNano = 1,
        EndTimeUnixNano = 2,
        ScopeName = DatabaseNames.NpgsqlSourceName,
        Attributes = attributes,
    };
}
