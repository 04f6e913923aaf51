using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// `dotnet test --collect FlakyTrace` on the unchanged sample suites of the three frameworks:
/// the trace file and the OTLP the receiver got, checked against the TRX of the same run.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TracedSampleTests(PackageFeed feed)
{
    // XunitV3Sample: xUnit v3 under VSTest runs its tests in a process of its own, not in the testhost.
    public static TheoryData<string> Samples => new() { "XunitSample", "NUnitSample", "MSTestSample", "XunitV3Sample" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryExecutedTest_IsTheRootSpanOfItsOwnTrace(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        Assert.NotEmpty(run.TrxResults);
        Assert.Single(run.TraceFiles);
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        Assert.All(run.TestSpans, s => Assert.Null(s.ParentSpanId));
        Assert.Equal(run.TestSpans.Count, run.TestSpans.Select(s => s.TraceId).Distinct().Count());
        Assert.Equal(
            run.TrxResults.Select(r => r.TestName).Order(StringComparer.Ordinal),
            run.TestSpans.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Outcomes_MatchTheTrx(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        foreach (var result in run.TrxResults)
        {
            var span = SpanOf(run, result);
            var (status, outcome, code) = result.Outcome switch
            {
                "Passed" => ("pass", "passed", 0),
                "Failed" => ("fail", "failed", 2),
                _ => ("skipped", "skipped", 0),
            };
            Assert.Equal(status, span.Attribute("test.case.result.status"));
            Assert.Equal(outcome, span.Attribute("test.outcome"));
            Assert.Equal(code, span.StatusCode);
        }

        Assert.Equal(4, run.TestSpans.Count(s => s.Attribute("test.case.result.status") == "fail"));
        Assert.Equal(1, run.TestSpans.Count(s => s.Attribute("test.case.result.status") == "skipped"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Failures_CarryTheMessageAndStackTraceThatDotnetTestPrints(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        foreach (var result in run.TrxResults.Where(r => r.Outcome == "Failed"))
        {
            var span = SpanOf(run, result);
            Assert.Equal(Normalize(result.ErrorMessage), Normalize(span.StatusMessage));
            var exception = Assert.Single(span.Events, e => e.Name == "exception");
            Assert.Equal(Normalize(result.ErrorMessage), Normalize(exception.Attributes["exception.message"]?.ToString()));
            Assert.Equal(Normalize(result.StackTrace), Normalize(exception.Attributes["exception.stacktrace"]?.ToString()));
            Assert.Equal(span.Attribute("error.type"), exception.Attributes["exception.type"]?.ToString());
            Assert.False(string.IsNullOrEmpty(span.Attribute("error.type")));
        }

        var deep = run.TestSpans.Single(s => s.Attribute("code.function.name") == "Throws_FromCodeUnderTest");
        Assert.Equal("System.InvalidOperationException", deep.Attribute("error.type"));
        Assert.Contains("Ledger", deep.Events.Single().Attributes["exception.stacktrace"]?.ToString(), StringComparison.Ordinal);
        var setup = run.TestSpans.Single(s => s.Attribute("code.function.name") == "Never_Runs_Body");
        Assert.Contains("setup exploded", setup.StatusMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Durations_AgreeWithTheFrameworksOwn(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        var timed = run.TrxResults.Select(r => (Result: r, Span: SpanOf(run, r))).Where(t => DurationAgreement.IsTimed(t.Span, t.Result)).ToList();
        Assert.True(timed.Count(t => SampleWork.Of(t.Span) is not null) >= 6, $"expected the sleeping tests to be timed, got {timed.Count}");

        // The rule, and why it holds under load: DurationAgreement.
        var problems = timed.Select(t => DurationAgreement.Disagreement(t.Span, t.Result)).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ParallelTests_OverlapExactlyWhenTheFrameworkRanThemTogether(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        var parallel = run.TrxResults.Where(r => r.TestName.Contains("Parallel_", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, parallel.Count);
        foreach (var a in parallel)
        {
            foreach (var b in parallel.Where(b => b != a))
            {
                // Only clear cases: the framework's own intervals overlap, or are apart, by 50 ms or more.
                var trxOverlap = Math.Min(a.End.ToUnixTimeMilliseconds(), b.End.ToUnixTimeMilliseconds()) - Math.Max(a.Start.ToUnixTimeMilliseconds(), b.Start.ToUnixTimeMilliseconds());
                if (Math.Abs(trxOverlap) < 50)
                {
                    continue;
                }

                var (x, y) = (SpanOf(run, a), SpanOf(run, b));
                Assert.Equal(trxOverlap > 0, x.StartUnixNano < y.EndUnixNano && y.StartUnixNano < x.EndUnixNano);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void HttpCalls_AreChildSpansAndCarryTheTestsTraceparent(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        var test = run.TestSpans.Single(s => s.Attribute("code.function.name") == "Calls_Loopback_Service");
        var http = Assert.Single(run.Spans, s => s.TraceId == test.TraceId && s.Scope == "System.Net.Http");
        Assert.Equal(test.SpanId, http.ParentSpanId);
        Assert.Equal(3, http.Kind);
        Assert.Equal(200L, http.Attributes["http.response.status_code"]);
        var output = run.TrxResults.Single(r => r.TestName == test.Name).Output;
        Assert.Contains($"traceparent=00-{test.TraceId}-{http.SpanId}-01", output, StringComparison.Ordinal);
        Assert.Contains($"traceparent=00-{test.TraceId}-{http.SpanId}-01", test.Attribute("flakytrace.test.output"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Attributes_FollowTheSemanticConventions(string sample)
    {
        var run = TracedSample.Get(sample, feed).Run;

        var framework = sample switch { "XunitSample" or "XunitV3Sample" => "xunit", "NUnitSample" => "nunit", _ => "mstest" };
        Assert.All(run.TestSpans, s =>
        {
            Assert.Equal(framework, s.Attribute("test.framework"));
            Assert.Equal(sample, s.Resource["service.name"]);
            Assert.StartsWith(sample + ".", s.Attribute("test.suite.name"), StringComparison.Ordinal);
            Assert.StartsWith(s.Attribute("test.suite.name") + "." + s.Attribute("code.function.name"), s.Attribute("test.case.name"), StringComparison.Ordinal);
            Assert.Equal(1L, s.Attributes["test.case.attempt"]);
            Assert.Equal("FlakyTrace", s.Scope);
        });
        Assert.Single(run.TestSpans.Select(s => s.Attribute("test.run.id")).Distinct());
        Assert.True(Guid.TryParse(run.TestSpans[0].Attribute("test.run.id"), out _));
        var rows = run.TestSpans.Where(s => s.Attribute("code.function.name") == "Sums_Rows").Select(s => s.Attribute("test.case.name")).ToList();
        Assert.Equal(3, rows.Distinct().Count());
        Assert.All(rows, r => Assert.EndsWith(")", r, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void OtlpGrpc_ReceivesTheSpansOfTheFile(string sample)
    {
        var traced = TracedSample.Get(sample, feed);

        Assert.Contains("spans sent to", traced.Run.Process.Output, StringComparison.Ordinal);
        var received = traced.ReceivedSpans.Select(s => Convert.ToHexString(s.SpanId.ToByteArray()).ToLowerInvariant()).Order().ToList();
        Assert.Equal(traced.Run.Spans.Select(s => s.SpanId).Order(), received);
        var failing = traced.Run.TestSpans.First(s => s.StatusCode == 2);
        var decoded = traced.ReceivedSpans.Single(s => Convert.ToHexString(s.SpanId.ToByteArray()).Equals(failing.SpanId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(failing.StatusMessage, decoded.Status.Message);
        Assert.Equal(failing.Attribute("test.case.name"), decoded.Attributes.Single(a => a.Key == "test.case.name").Value.StringValue);
        Assert.Equal(failing.StartUnixNano, (long)decoded.StartTimeUnixNano);
        var resource = traced.Exports.SelectMany(e => e.Request.ResourceSpans).First().Resource;
        Assert.Equal(sample, resource.Attributes.Single(a => a.Key == "service.name").Value.StringValue);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheRun_EndsAsItWouldWithoutTheCollector(string sample)
    {
        var traced = TracedSample.Get(sample, feed).Run;
        using var plain = SampleProject.Create(sample, feed, addPackage: false);
        var untraced = plain.Test([]);

        Assert.Equal(untraced.Process.ExitCode, traced.Process.ExitCode);
        Assert.Equal(untraced.TrxResults.Count, traced.TrxResults.Count);
        Assert.DoesNotContain("datacollector", traced.Process.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FlakyTrace warning", traced.Process.Output, StringComparison.Ordinal);
        Assert.Contains(traced.TraceFiles.Single(), traced.Process.Output, StringComparison.Ordinal);
    }

    // Display names repeat across classes (MSTest shows only the method), and so may a test run
    // twice: the class narrows it down, then the closest end time decides.
    private static FileSpan SpanOf(SampleRun run, TrxResult result) =>
        run.TestSpans.Where(s => s.Name == result.TestName && (result.ClassName.Length == 0 || result.ClassName.EndsWith(s.Attribute("test.suite.name") ?? "?", StringComparison.Ordinal)))
            .MinBy(s => Math.Abs((s.EndUnixNano / 1_000_000) - result.End.ToUnixTimeMilliseconds()))
        ?? throw new Xunit.Sdk.XunitException($"no span named {result.TestName}");

    private static string? Normalize(string? text) => text?.ReplaceLineEndings("\n").TrimEnd();
}
