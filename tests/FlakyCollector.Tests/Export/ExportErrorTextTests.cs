using System.Net.Http;
using System.Net.Sockets;
using FlakyCollector.Export;

namespace FlakyCollector.Tests.Export;

public class ExportErrorTextTests
{
    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("authorization", "Bearer eyJhbGciOi.secret"),
        new("x-api-key", "sk-123456"),
        new("x-shard", "1"),
    ];

    [Fact]
    public void Sanitize_ServerEchoesHeaderValues_MasksThemAndKeepsTheRest()
    {
        var text = ExportErrorText.Sanitize(
            "HTTP 401 Unauthorized: key sk-123456 is not valid for 'Bearer eyJhbGciOi.secret' on 127.0.0.1:4318", Headers);
        Assert.Equal("HTTP 401 Unauthorized: key *** is not valid for '***' on 127.0.0.1:4318", text);
    }

    [Fact]
    public void Sanitize_MultiLineOrHugeText_BecomesOneBoundedLine()
    {
        var text = ExportErrorText.Sanitize("first\r\nsecond\t" + new string('x', 2000), []);
        Assert.StartsWith("first  second ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.True(text.Length <= 503, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("http://user:pw@collector:4318/v1/traces?api-key=k", "http://collector:4318/v1/traces")]
    [InlineData("https://collector/v1/traces", "https://collector/v1/traces")]
    public void Endpoint_StripsUserInfoAndQuery(string uri, string expected) =>
        Assert.Equal(expected, ExportErrorText.Endpoint(new Uri(uri)));

    [Fact]
    public void Describe_NestedExceptions_JoinsDistinctCauses()
    {
        var error = new HttpRequestException("An error occurred while sending the request.",
            new IOException("The response ended prematurely.", new SocketException((int)SocketError.ConnectionReset)));
        Assert.StartsWith("An error occurred while sending the request: The response ended prematurely: ",
            ExportErrorText.Describe(error), StringComparison.Ordinal);
    }
}
