using FlakyCollector.IntegrationTests.Infrastructure;
using FlakyCollector.Testing;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// `dotnet test --flaky-trace` on unchanged Microsoft.Testing.Platform applications of the four
/// frameworks (MSTest.Sdk, NUnit's runner, xUnit v3, TUnit), each selected by the global.json in
/// its folder: the trace file and the OTLP the receiver got, against the platform's own TRX.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PlatformSampleTests(PackageFeed feed)
{
    // XunitV3Mtp1: xunit.v3 3.x on platform 1.9, served by the extension built against platform 1.x.
    public static TheoryData<string> Samples => new() { "MSTestMtp", "NUnitMtp", "XunitV3Mtp", "TUnitMtp", "XunitV3Mtp1" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryExecutedTest_IsTheRootSpanOfItsOwnTrace(string sample)
    {
        var run = TracedPlatformSample.Get(sample, feed).Run;

        Assert.True(run.TrxResults.Count >= 14, run.ToString());
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
    public void OutcomesAndFailureText_MatchTheTrx(string sample)
    {
        var run = TracedPlatformSample.Get(sample, feed).Run;

        foreach (var result in run.TrxResults)
        {
            var span = SpanOf(run, result);
            var (status, code) = result.Outcome switch
            {
                "Passed" => ("pass", 0),
                "Failed" => ("fail", 2),
                _ => ("skipped", 0),
            };
            Assert.Equal(status, span.Attribute("test.case.result.status"));
            Assert.Equal(code, span.StatusCode);
            if (result.Outcome == "Failed")
            {
                Assert.Equal(Normalize(result.ErrorMessage), Normalize(span.StatusMessage));
                // Exactly as the TRX writes them, line breaks included.
                Assert.Equal(result.ErrorMessage?.TrimEnd(), span.StatusMessage?.TrimEnd());
                var exception = Assert.Single(span.Events, e => e.Name == "exception");
                FailureRecord.AssertOwnMessage(result.ErrorMessage, span.Attribute("error.type"), exception.Attributes["exception.message"]?.ToString());
                Assert.Equal(result.StackTrace?.TrimEnd(), exception.Attributes["exception.stacktrace"]?.ToString()?.TrimEnd());
                Assert.False(string.IsNullOrEmpty(span.Attribute("error.type")));
            }
        }

        var skipped = Assert.Single(run.TestSpans, s => s.Attribute("test.case.result.status") == "skipped");
        Assert.Equal("not today", skipped.Attribute("test.case.skip_reason"));
        var deep = run.TestSpans.Single(s => s.Attribute("code.function.name") == "Throws_FromCodeUnderTest");
        Assert.Equal("System.InvalidOperationException", deep.Attribute("error.type"));
        FailureRecord.AssertTheAssertionFailedTheTest(run, sample);
        if (sample == "NUnitMtp")
        {
            FailureRecord.AssertNeverRanInSetup(run);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Durations_AreTimedFromInsideAndAgreeWithTheTrx(string sample)
    {
        var run = TracedPlatformSample.Get(sample, feed).Run;

        // A test whose class could not even be built never reaches the hook: the framework's timing is all there
        // is. Where the hook saw another interval than the framework timed, the framework's is taken, and said so.
        Assert.All(run.TestSpans.Where(s => s.Attribute("test.case.result.status") != "skipped"),
            s => Assert.Contains(s.Attribute("flakytrace.timing"), new[] { "hook", "framework" }));
        Assert.Contains(run.TestSpans, s => s.Attribute("flakytrace.timing") == "hook");
        Assert.True(run.TrxResults.Count(r => r.Duration >= TimeSpan.FromMilliseconds(250)) >= 6, "expected the sleeping tests to be timed");

        // Every test, passing or failing, short or long: the span is the framework's own interval, within 10% or 5 ms.
        TrxAgreement.AssertDurationsAgree(run);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void HttpCalls_AreChildSpansAndCarryTheTestsTraceparent(string sample)
    {
        var run = TracedPlatformSample.Get(sample, feed).Run;

        var test = run.TestSpans.Single(s => s.Attribute("code.function.name") == "Calls_Loopback_Service");
        var http = Assert.Single(run.Spans, s => s.TraceId == test.TraceId && s.Scope == "System.Net.Http");
        Assert.Equal(3, http.Kind);
        Assert.Equal(200L, http.Attributes["http.response.status_code"]);
        // TUnit puts a "test body" span between the test and the work it does.
        var parent = run.Spans.Single(s => s.SpanId == http.ParentSpanId);
        Assert.True(parent.SpanId == test.SpanId || parent.ParentSpanId == test.SpanId, $"HTTP span under {parent.Name}");
        var output = run.TrxResults.Single(r => r.TestName == test.Name).Output;
        Assert.Contains($"traceparent=00-{test.TraceId}-{http.SpanId}-01", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Attributes_FollowTheSemanticConventions(string sample)
    {
        var run = TracedPlatformSample.Get(sample, feed).Run;

        var framework = sample switch { "XunitV3Mtp" or "XunitV3Mtp1" => "xunit", "NUnitMtp" => "nunit", "TUnitMtp" => "tunit", _ => "mstest" };
        Assert.All(run.TestSpans, s =>
        {
            Assert.Equal(framework, s.Attribute("test.framework"));
            Assert.Equal(sample, s.Resource["service.name"]);
            Assert.Equal(sample + "." + s.Attribute("test.suite.name")![(sample.Length + 1)..], s.Attribute("test.suite.name"));
            Assert.StartsWith(s.Attribute("test.suite.name") + "." + s.Attribute("code.function.name"), s.Attribute("test.case.name"), StringComparison.Ordinal);
            Assert.Equal("FlakyTrace", s.Scope);
        });
        Assert.Single(run.TestSpans.Select(s => s.Attribute("test.run.id")).Distinct());
        Assert.True(Guid.TryParse(run.TestSpans[0].Attribute("test.run.id"), out _));
        var rows = run.TestSpans.Where(s => s.Attribute("code.function.name") == "Sums_Rows").Select(s => s.Attribute("test.case.name")).ToList();
        Assert.Equal(3, rows.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void OtlpGrpc_ReceivesTheSpansOfTheFile(string sample)
    {
        var traced = TracedPlatformSample.Get(sample, feed);

        // A failed export says why in the run's output; that, not the ids' difference, is the message then.
        Assert.DoesNotContain("FlakyTrace warning", traced.Run.Process.Output, StringComparison.Ordinal);
        var received = traced.ReceivedSpans.Select(s => Convert.ToHexString(s.SpanId.ToByteArray()).ToLowerInvariant()).Order().ToList();
        Assert.Equal(traced.Run.Spans.Select(s => s.SpanId).Order(), received);
        var failing = traced.Run.TestSpans.First(s => s.StatusCode == 2);
        var decoded = traced.ReceivedSpans.Single(s => Convert.ToHexString(s.SpanId.ToByteArray()).Equals(failing.SpanId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(failing.StatusMessage, decoded.Status.Message);
        Assert.Equal(failing.StartUnixNano, (long)decoded.StartTimeUnixNano);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheRun_EndsAsItWouldWithoutTheExtension(string sample)
    {
        var traced = TracedPlatformSample.Get(sample, feed).Run;
        using var plain = SampleProject.Create(sample, feed, addPackage: false);
        var untraced = plain.TestOnPlatform([]);

        Assert.Equal(2, traced.Process.ExitCode);
        Assert.Equal(untraced.Process.ExitCode, traced.Process.ExitCode);
        Assert.Equal(untraced.TrxResults.Count, traced.TrxResults.Count);
        Assert.Contains(traced.TraceFiles.Single(), traced.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TUnitRepeats_AreExecutionsOfTheirOwn_NotAttempts()
    {
        var run = TracedPlatformSample.Get("TUnitMtp", feed).Run;

        var repeats = run.TestSpans.Where(s => s.Attribute("code.function.name") == "Repeated_Passes").ToList();
        Assert.Equal(run.TrxResults.Count(r => r.TestName.StartsWith("Repeated_Passes", StringComparison.Ordinal)), repeats.Count);
        Assert.Equal(3, repeats.Count);
        Assert.Equal(3, repeats.Select(s => s.TraceId).Distinct().Count());
        Assert.All(repeats, s => Assert.Equal(1L, s.Attributes["test.case.attempt"]));
    }

    [Fact]
    public void CollectFlakyTrace_ServesOnThePlatformToo_AndOtherCollectorsGetAClearMessage()
    {
        using var sample = SampleProject.Create("MSTestMtp", feed);

        var traced = sample.TestOnPlatform(["--collect", "FlakyTrace"]);
        var other = sample.TestOnPlatform(["--no-build", "--collect", "XPlat Code Coverage"]);

        Assert.Equal(2, traced.Process.ExitCode);
        Assert.Equal(traced.TrxResults.Count, traced.TestSpans.Count);
        Assert.Equal(5, other.Process.ExitCode);
        Assert.Contains("only --collect FlakyTrace is served", other.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheSwitch_NothingIsTracedAndTheRunIsUnchanged()
    {
        using var sample = SampleProject.Create("MSTestMtp", feed);

        var run = sample.TestOnPlatform([]);

        Assert.Equal(2, run.Process.ExitCode);
        Assert.Empty(run.TraceFiles);
        Assert.True(run.TrxResults.Count >= 14, run.ToString());
    }

    [Fact]
    public async Task RunSettingsWithTheCollectorEnabled_SwitchTracingOnAndExportOverHttp()
    {
        using var receiver = await OtlpReceiver.StartAsync();
        using var sample = SampleProject.Create("MSTestMtp", feed);
        var settings = Path.Combine(sample.Root, "otlp-http.runsettings");
        File.WriteAllText(settings, $"""
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="FlakyTrace"><Configuration>
                <Endpoint>{receiver.HttpEndpoint}</Endpoint>
                <Protocol>http/protobuf</Protocol>
                <ServiceName>orders-tests</ServiceName>
              </Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);

        var run = sample.TestOnPlatform(["--settings", settings]);

        Assert.Equal(2, run.Process.ExitCode);
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        Assert.All(run.TestSpans, s => Assert.Equal("orders-tests", s.Resource["service.name"]));
        Assert.NotEmpty(receiver.Exports);
        Assert.All(receiver.Exports, e => Assert.Equal("http/protobuf", e.Protocol));
        Assert.Equal(run.Spans.Count, receiver.Spans.Count);
    }

    [Fact]
    public void AWrongSetting_IsOneWarningInAFileTheOutputLists_AndTheRunGoesOn()
    {
        using var sample = SampleProject.Create("MSTestMtp", feed);

        var run = sample.TestOnPlatform(["--flaky-trace"], new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "carrier-pigeon" });

        Assert.Equal(2, run.Process.ExitCode);
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        var warnings = Assert.Single(Directory.GetFiles(run.ResultsDirectory, "warnings_*.txt", SearchOption.AllDirectories));
        Assert.Contains(warnings, run.Process.Output, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(warnings));
        Assert.Contains("'carrier-pigeon'", line, StringComparison.Ordinal);
        Assert.Contains("http/protobuf", line, StringComparison.Ordinal);
    }


    private static FileSpan SpanOf(SampleRun run, TrxResult result) =>
        run.TestSpans.Where(s => s.Name == result.TestName && (result.ClassName.Length == 0 || result.ClassName.EndsWith(s.Attribute("test.suite.name") ?? "?", StringComparison.Ordinal)))
            .MinBy(s => Math.Abs((s.EndUnixNano / 1_000_000) - result.End.ToUnixTimeMilliseconds()))
        ?? throw new Xunit.Sdk.XunitException($"no span named {result.TestName}");

    private static string? Normalize(string? text) => text?.ReplaceLineEndings("\n").TrimEnd();
}
