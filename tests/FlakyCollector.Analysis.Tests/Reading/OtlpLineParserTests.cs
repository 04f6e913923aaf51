using System.Text;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Reading;

public sealed class OtlpLineParserTests
{
    private const string TraceId = "5b8efff798038103d269b633813fc60c";
    private const string TestSpanJson = """
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"PlacesOrder","kind":1,
         "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000250000000",
         "attributes":[{"key":"test.case.name","value":{"stringValue":"Shop.CheckoutTests.PlacesOrder"}},
                       {"key":"test.case.result.status","value":{"stringValue":"fail"}},
                       {"key":"test.run.id","value":{"stringValue":"run-1"}},
                       {"key":"flakytrace.testhost.pid","value":{"intValue":"4242"}},
                       {"key":"test.case.attempt","value":{"intValue":2}},
                       {"key":"unknown.key","value":{"arrayValue":{"values":[{"stringValue":"x"}]}}}],
         "events":[{"name":"exception","timeUnixNano":"1","attributes":[{"key":"exception.type","value":{"stringValue":"System.TimeoutException"}},
                   {"key":"exception.stacktrace","value":{"stringValue":"at X()"}}]}],
         "status":{"code":2,"message":"timed out"},"someFutureField":{"nested":[1,2,3]}}
        """;

    private readonly OtlpLineParser _parser = new(new StringPool());

    [Fact]
    public void TryParse_CollectorLine_ReadsTestSpanAndResource()
    {
        var ok = Parse(Line(TestSpanJson, resource: """{"attributes":[{"key":"vcs.ref.head.revision","value":{"stringValue":"abc123"}},{"key":"service.name","value":{"stringValue":"Shop.Tests"}}]}"""));

        Assert.True(ok);
        var span = _parser[0];
        Assert.Equal(UInt128.Parse(TraceId, System.Globalization.NumberStyles.HexNumber), span.TraceId);
        Assert.Equal(0xeee19b7ec3c1b174UL, span.SpanId);
        Assert.True(span.IsRoot);
        Assert.Equal("Shop.CheckoutTests.PlacesOrder", span.TestCaseName);
        Assert.Equal("fail", span.TestResultStatus);
        Assert.Equal("run-1", span.RunId);
        Assert.Equal(4242, span.ProcessId);
        Assert.Equal(2, span.Attempt);
        Assert.Equal(250_000_000, span.EndNanos - span.StartNanos);
        Assert.Equal(2, span.StatusCode);
        Assert.Equal("timed out", span.StatusMessage);
        Assert.Equal("System.TimeoutException", span.ExceptionType);
        Assert.Equal("at X()", span.ExceptionStackTrace);
        Assert.Equal("abc123", span.Commit);
        Assert.Equal("Shop.Tests", span.ServiceName);
        Assert.Equal("FlakyTrace", span.ScopeName);
    }

    [Fact]
    public void TryParse_NumbersAsNumbersAndEnumNames_ReadsSameValues()
    {
        var json = """
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"aaaaaaaaaaaaaaaa","name":"GET",
             "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1700000000000000000,"endTimeUnixNano":1700000000003000000,
             "attributes":[{"key":"http.response.status_code","value":{"intValue":503}},{"key":"http.request.method","value":{"stringValue":"GET"}},
                           {"key":"url.full","value":{"stringValue":"http://inventory-api:8080/api/stock/17?reserve=1"}}],
             "status":{"code":"STATUS_CODE_ERROR"}}
            """;

        Assert.True(Parse(Line(json)));
        var span = _parser[0];
        Assert.Equal(3, span.Kind);
        Assert.Equal(2, span.StatusCode);
        Assert.Equal(503, span.HttpStatusCode);
        Assert.Equal(3_000_000, span.EndNanos - span.StartNanos);
        Assert.Equal("inventory-api", span.UrlHost);
        Assert.Equal("/api/stock/{id}", span.UrlPath);
        Assert.False(span.IsRoot);
    }

    [Fact]
    public void TryParse_SnakeCaseKeys_ReadsSpan()
    {
        var json = """
            {"resource_spans":[{"resource":{"attributes":[]},"scope_spans":[{"scope":{"name":"s"},"spans":[
              {"trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174","parent_span_id":"","name":"n",
               "start_time_unix_nano":"10","end_time_unix_nano":"30",
               "attributes":[{"key":"test.case.name","value":{"string_value":"A.B"}},{"key":"flakytrace.testhost.pid","value":{"int_value":"7"}}]}]}]}]}
            """;

        Assert.True(Parse(json));
        Assert.Equal("A.B", _parser[0].TestCaseName);
        Assert.Equal(7, _parser[0].ProcessId);
        Assert.Equal(20, _parser[0].EndNanos - _parser[0].StartNanos);
    }

    [Fact]
    public void TryParse_ResourceAfterSpansAndValueBeforeKey_StillApplies()
    {
        var json = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
              "attributes":[{"value":{"stringValue":"A.B"},"key":"test.case.name"}]}],"scope":{"name":"late"}}],
              "resource":{"attributes":[{"key":"vcs.ref.head.revision","value":{"stringValue":"c0ffee"}}]}}]}
            """;

        Assert.True(Parse(json));
        Assert.Equal("A.B", _parser[0].TestCaseName);
        Assert.Equal("c0ffee", _parser[0].Commit);
        Assert.Equal("late", _parser[0].ScopeName);
    }

    [Fact]
    public void TryParse_Base64Ids_DecodesThem()
    {
        var traceBase64 = Convert.ToBase64String(Convert.FromHexString(TraceId));
        var json = $$"""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"{{traceBase64}}","spanId":"7uGbfsPBsXQ="}]}]}]}""";

        Assert.True(Parse(json));
        Assert.Equal(UInt128.Parse(TraceId, System.Globalization.NumberStyles.HexNumber), _parser[0].TraceId);
        Assert.Equal(0xeee19b7ec3c1b174UL, _parser[0].SpanId);
    }

    [Theory]
    [InlineData("{\"resourceSpans\":[")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{} {}")]
    [InlineData("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"spanId\":\"eee19b7ec3c1b174\"}]}]}]}")]
    [InlineData("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\"}]}]}]}")]
    [InlineData("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"startTimeUnixNano\":\"soon\"}]}]}]}")]
    public void TryParse_MalformedLine_FailsWithReasonAndNoSpans(string line)
    {
        Assert.False(Parse(line, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(0, _parser.Count);
    }

    [Fact]
    public void TryParse_OtherSignal_SucceedsWithNoSpans()
    {
        Assert.True(Parse("""{"resourceLogs":[{"scopeLogs":[]}]}"""));
        Assert.Equal(0, _parser.Count);
    }

    private static string Line(string span, string resource = """{"attributes":[]}""") =>
        $$"""{"resourceSpans":[{"resource":{{resource}},"scopeSpans":[{"scope":{"name":"FlakyTrace","version":"0.1.0"},"spans":[{{span}}]}]}]}""";

    private bool Parse(string line) => Parse(line, out _);

    private bool Parse(string line, out string? error) => _parser.TryParse(Encoding.UTF8.GetBytes(line.ReplaceLineEndings("")), out error);
}
