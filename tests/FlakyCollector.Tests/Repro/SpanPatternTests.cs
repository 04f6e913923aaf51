using System.Diagnostics;
using FlakyCollector.Repro;

namespace FlakyCollector.Tests.Repro;

public sealed class SpanPatternTests
{
    [Theory]
    [InlineData("HTTP GET localhost/price/{id}", "GET", "http://localhost:5000/price/42?x=1", true)]
    [InlineData("HTTP GET localhost/price/{id}", "POST", "http://localhost:5000/price/42", false)]
    [InlineData("HTTP GET localhost/price/{id}", "GET", "http://other/price/42", false)]
    [InlineData("HTTP GET localhost/price/{id}", "GET", "http://localhost/price/42/extra", false)]
    [InlineData("HTTP POST 127.0.0.1/charges", "POST", "http://127.0.0.1:41234/charges", true)]
    [InlineData("HTTP GET localhost", "GET", "http://localhost:81/", true)]
    [InlineData("HTTP *", "GET", "http://localhost:81/warmup", true)]
    [InlineData("HTTP *", "DELETE", "https://search.internal/index/7", true)]
    public void MatchesRequest_ByMethodHostAndTemplatedPath(string label, string method, string url, bool expected)
    {
        Assert.Equal(expected, SpanPattern.Parse(label).MatchesRequest(method, new Uri(url)));
    }

    [Theory]
    [InlineData("POST /charges", "POST", "/charges", true)]
    [InlineData("GET /price/{id}", "GET", "/price/7", true)]
    [InlineData("GET /price/{id}", "POST", "/price/7", false)]
    [InlineData("HTTP POST 127.0.0.1/charges", "POST", "/charges", false)]
    [InlineData("Render", "POST", "/charges", false)]
    [InlineData("HTTP *", "POST", "/charges", false)]
    public void MatchesServerRequest_OnlyARouteLabel(string label, string method, string path, bool expected)
    {
        Assert.Equal(expected, SpanPattern.Parse(label).MatchesServerRequest(method, path));
    }

    [Fact]
    public void Matches_ServerRouteLabel_ByTheRequestTags()
    {
        using var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        activity.SetTag("http.request.method", "GET");
        activity.SetTag("url.path", "/price/7");

        Assert.True(SpanPattern.Parse("GET /price/{id}").Matches(activity));
        Assert.False(SpanPattern.Parse("GET /stock/{id}").Matches(activity));
        Assert.False(SpanPattern.Parse("GET /price/{id}").IsHttpClient);
    }

    [Fact]
    public void Matches_PlainSpanName()
    {
        using var activity = new Activity("RenderReport");

        Assert.True(SpanPattern.Parse("RenderReport").Matches(activity));
        Assert.False(SpanPattern.Parse("RenderChart").Matches(activity));
    }
}
