using System.Globalization;
using System.Text;

namespace FlakyTrace.Bench.History;

/// <summary>Writes one run of the suite as the collector does: OTLP/JSON Lines, one test (and its HTTP call) per line.</summary>
internal static class RunTraceWriter
{
    public static void Write(SuiteModel suite, int run, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var start = SuiteModel.StartMs(run) * 1_000_000;
        var resource = $"{{\"attributes\":[{Attr("service.name", "Company.Product.Tests")},{Attr("vcs.ref.head.revision", SuiteModel.Commit(run))},{Attr("process.runtime.name", ".NET")},{Attr("process.runtime.version", "10.0.1")}]}}";
        for (var test = 0; test < suite.Tests; test++)
        {
            var failed = suite.Fails(run, test);
            var traceId = $"{run:x16}{test:x16}";
            var begin = start + (test * 1_000_000L);
            var end = begin + (suite.DurationMs(run, test) * 1_000_000L);
            var status = failed ? $"{{\"code\":2,\"message\":{Json(suite.Message(run, test))}}}" : "{}";
            var attributes = string.Join(',',
                Attr("test.case.name", suite.Name(test)),
                Attr("test.case.result.status", failed ? "fail" : "pass"),
                Attr("test.run.id", SuiteModel.RunId(run)),
                Attr("test.framework", "xunit"));
            var spans = new StringBuilder();
            spans.Append(CultureInfo.InvariantCulture, $"{{\"traceId\":\"{traceId}\",\"spanId\":\"{test + 1:x16}\",\"name\":\"{suite.Name(test)}\",\"kind\":1,\"startTimeUnixNano\":\"{begin}\",\"endTimeUnixNano\":\"{end}\",\"attributes\":[{attributes}],\"status\":{status}}}");
            if (suite.IsFlaky(test))
            {
                var code = failed ? 503 : 200;
                spans.Append(CultureInfo.InvariantCulture, $",{{\"traceId\":\"{traceId}\",\"spanId\":\"{test + 1:x8}{run:x8}\",\"parentSpanId\":\"{test + 1:x16}\",\"name\":\"GET\",\"kind\":3,\"startTimeUnixNano\":\"{begin + 1000}\",\"endTimeUnixNano\":\"{end - 1000}\",\"attributes\":[{Attr("http.request.method", "GET")},{Attr("server.address", "payments")},{Attr("url.path", "/charges")},{{\"key\":\"http.response.status_code\",\"value\":{{\"intValue\":\"{code}\"}}}}],\"status\":{{\"code\":{(failed ? 2 : 0)}}}}}");
            }

            writer.Write($"{{\"resourceSpans\":[{{\"resource\":{resource},\"scopeSpans\":[{{\"scope\":{{\"name\":\"FlakyTrace\"}},\"spans\":[{spans}]}}]}}]}}\n");
        }
    }

    private static string Attr(string key, string value) => $"{{\"key\":\"{key}\",\"value\":{{\"stringValue\":{Json(value)}}}}}";

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
