using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Aggregation;

public sealed class SpanLabelerTests
{
    private readonly StringPool _strings = new();

    [Fact]
    public void Label_HttpClientSpan_UsesMethodServerAndPath()
    {
        var span = new ParsedSpan { Name = "GET", Kind = 3, HttpMethod = "GET", ServerAddress = "inventory-api", UrlHost = "ignored", UrlPath = "/api/stock/{id}" };

        Assert.Equal("HTTP GET inventory-api/api/stock/{id}", SpanLabeler.Label(span, _strings));
    }

    [Fact]
    public void Label_NoServerAddress_FallsBackToUrlHost()
    {
        var span = new ParsedSpan { Name = "GET", Kind = 3, HttpMethod = "GET", UrlHost = "catalog", UrlPath = "/p" };

        Assert.Equal("HTTP GET catalog/p", SpanLabeler.Label(span, _strings));
    }

    [Fact]
    public void Label_ServerOrPlainSpan_UsesSpanName()
    {
        Assert.Equal("GET /api/stock/{id}", SpanLabeler.Label(new ParsedSpan { Name = "GET /api/stock/{id}", Kind = 2, HttpMethod = "GET", UrlPath = "/api/stock/1" }, _strings));
        Assert.Equal("SELECT orders", SpanLabeler.Label(new ParsedSpan { Name = "SELECT orders", Kind = 3 }, _strings));
    }

    [Fact]
    public void Label_DatabaseSpan_DbOperationAndCollection()
    {
        var query = new ParsedSpan { Name = "SELECT Prices", Kind = 3, DbSystem = "sqlite", DbOperation = "SELECT", DbCollection = "Prices" };
        var connect = new ParsedSpan { Name = "CONNECT sqlite", Kind = 3, DbSystem = "sqlite", DbOperation = "CONNECT" };
        var bare = new ParsedSpan { Name = "postgresql", Kind = 3, DbSystem = "postgresql" };

        Assert.Equal("DB SELECT Prices", SpanLabeler.Label(query, _strings));
        Assert.Equal("DB CONNECT", SpanLabeler.Label(connect, _strings));
        Assert.Equal("DB postgresql", SpanLabeler.Label(bare, _strings));
        // Older conventions: no db.operation.name, the operation is in the span's name.
        Assert.Equal("DB SELECT orders", SpanLabeler.Label(new ParsedSpan { Name = "SELECT orders", Kind = 3, DbSystem = "postgresql" }, _strings));
    }

    [Theory]
    [InlineData(504, null, true)]
    [InlineData(0, "System.Threading.Tasks.TaskCanceledException", true)]
    [InlineData(0, "timeout", true)]
    [InlineData(503, "503", false)]
    public void IsTimeout_StatusOrErrorType_Detects(int status, string? errorType, bool expected) =>
        Assert.Equal(expected, SpanLabeler.IsTimeout(new ParsedSpan { HttpStatusCode = status, ErrorType = errorType }));
}
