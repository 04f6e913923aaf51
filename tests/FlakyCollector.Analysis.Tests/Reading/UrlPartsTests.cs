using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Reading;

public sealed class UrlPartsTests
{
    [Theory]
    [InlineData("http://inventory-api:8080/api/stock/1?x=1", "inventory-api", "/api/stock/1")]
    [InlineData("https://user:pw@example.test/a#frag", "example.test", "/a")]
    [InlineData("http://[::1]:5000/health", "[::1]", "/health")]
    [InlineData("http://host", "host", "")]
    [InlineData("/relative/path?q", "", "/relative/path")]
    public void Split_Url_ReturnsHostAndPathWithoutQuery(string url, string host, string path)
    {
        UrlParts.Split(url, out var actualHost, out var actualPath);

        Assert.Equal(host, actualHost.ToString());
        Assert.Equal(path, actualPath.ToString());
    }

    [Theory]
    [InlineData("/api/stock/1001", "/api/stock/{id}")]
    [InlineData("/api/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301/lines", "/api/orders/{id}/lines")]
    [InlineData("/api/products/category/books", "/api/products/category/books")]
    [InlineData("/api/v2/items", "/api/v2/items")]
    [InlineData("/cafe/deadbeef01", "/cafe/{id}")]
    public void Template_Path_ReplacesIdSegments(string path, string expected)
    {
        var destination = new char[(path.Length * 4) + 4];

        var written = UrlParts.Template(path, destination);

        Assert.Equal(expected, new string(destination, 0, written));
    }
}
