using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Reading;

/// <summary>A fixture's work, in a trace of its own, joins the evidence of each test that links it.</summary>
public sealed class FixtureLinkReadingTests
{
    private const string TestTrace = "0af7651916cd43dd8448eb211c80319c";
    private const string FixtureTrace = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public void Read_TestLinksFixtureTrace_FixtureSpansAreTheTestsEvidenceNotOrphans()
    {
        using var directory = new SampleDirectory();
        var file = Path.Combine(directory.Path, "run.otlp.jsonl");
        File.WriteAllLines(file,
        [
            Line(FixtureTrace, "00000000000000f1", "", "POST", 3, 1_000_000, 5_000_000,
                """{"key":"http.request.method","value":{"stringValue":"POST"}},{"key":"url.full","value":{"stringValue":"http://127.0.0.1:5000/search/warmup"}},{"key":"http.response.status_code","value":{"intValue":"503"}}""",
                ""),
            Line(TestTrace, "00000000000000a1", "", "Finds_By_Name", 1, 6_000_000, 7_000_000,
                """{"key":"test.case.name","value":{"stringValue":"Shop.SearchTests.Finds_By_Name"}},{"key":"test.case.result.status","value":{"stringValue":"fail"}}""",
                $$$""","links":[{"traceId":"{{{FixtureTrace}}}","spanId":"00000000000000f1","attributes":[{"key":"flakytrace.link.type","value":{"stringValue":"fixture"}}]}]"""),
            Line(TestTrace, "00000000000000a2", "00000000000000a1", "POST", 2, 6_100_000, 6_200_000,
                """{"key":"http.request.method","value":{"stringValue":"POST"}},{"key":"http.route","value":{"stringValue":"/orders/{id}"}}""",
                ""),
        ]);

        var corpus = TraceInputReader.Read([directory.Path]);

        var execution = Assert.Single(corpus.Executions);
        Assert.Equal(0, corpus.Input.OrphanSpans);
        var warmup = Assert.Single(execution.Spans, s => s.FromFixture);
        Assert.Equal(SpanFailure.ServerError, warmup.Failure);
        Assert.Equal("HTTP POST 127.0.0.1/search/warmup", warmup.Label);
        Assert.Contains(execution.Children, c => c.Label == "POST /orders/{id}");
    }

    private static string Line(string trace, string span, string parent, string name, int kind, long start, long end, string attributes, string extra) =>
        $$$"""{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"Shop.Tests"}}]},"scopeSpans":[{"scope":{"name":"s"},"spans":[{"traceId":"{{{trace}}}","spanId":"{{{span}}}","parentSpanId":"{{{parent}}}","name":"{{{name}}}","kind":{{{kind}}},"startTimeUnixNano":"{{{start}}}","endTimeUnixNano":"{{{end}}}","attributes":[{{{attributes}}}]{{{extra}}}}]}]}]}""";
}
