using System.Text.Json;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Payload;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class TestRunTracerTests : IDisposable
{
    private static readonly Uri Endpoint = new("http://collector.invalid:4317/");

    private readonly DirectoryInfo resultsDirectory = Directory.CreateTempSubdirectory("flakytrace-tests-");
    private readonly FakeRunReport report = new();
    private readonly FakeTraceExporter exporter = new();
    private int exportersCreated;

    public void Dispose() => resultsDirectory.Delete(recursive: true);

    [Fact]
    public void OnTestCompleted_OneTest_FileUnderFlakytraceWithOneTestLine()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.Complete(aborted: false);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(resultsDirectory.FullName, "flakytrace"), "*.otlp.jsonl"));
        Assert.Equal(file, tracer.FilePath);
        Assert.StartsWith("Shop.Tests_", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Single(TestSpansByLine());
        Assert.Contains(report.Infos, i => i == $"1 test traces written to {file}");
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void OnTestCompleted_OneTest_LineHoldsTestSpanAndResource()
    {
        using var tracer = Tracer(new FlakyTraceSettings { TestRunId = "run-7" });

        tracer.OnTestCompleted(CompletedTests.Failed());
        tracer.Complete(aborted: false);

        var line = Assert.Single(ReadLines(), l => TestSpans(l).Any());
        var resourceSpans = Assert.Single(line.GetProperty("resourceSpans").EnumerateArray());
        Assert.Equal("Shop.Tests", StringAttribute(resourceSpans.GetProperty("resource"), "service.name"));
        var span = Assert.Single(TestSpans(line));
        Assert.Equal("Shop.Tests.OrdersTests.Create(amount: 5)", span.GetProperty("name").GetString());
        Assert.Equal("Shop.Tests.OrdersTests.Create(amount: 5)", StringAttribute(span, "test.case.name"));
        Assert.Equal("fail", StringAttribute(span, "test.case.result.status"));
        Assert.Equal("run-7", StringAttribute(span, "test.run.id"));
        Assert.Equal("System.InvalidOperationException", StringAttribute(span, "error.type"));
        Assert.Equal(2, span.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal(CompletedTests.UnixNano(CompletedTests.Start).ToString(System.Globalization.CultureInfo.InvariantCulture),
            span.GetProperty("startTimeUnixNano").GetString());
    }

    [Fact]
    public void OnTestCompleted_ThreeTests_OneLinePerTest()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        tracer.OnTestCompleted(CompletedTests.Passed("Create"));
        tracer.OnTestCompleted(CompletedTests.Passed("Cancel"));
        tracer.OnTestCompleted(CompletedTests.Passed("Refund"));
        tracer.Complete(aborted: false);

        var names = TestSpansByLine().Select(spans => Assert.Single(spans).GetProperty("name").GetString()).ToList();
        Assert.Equal(
            ["Shop.Tests.OrdersTests.Create(amount: 5)", "Shop.Tests.OrdersTests.Cancel(amount: 5)", "Shop.Tests.OrdersTests.Refund(amount: 5)"],
            names);
        Assert.Contains(report.Infos, i => i.StartsWith("3 test traces written to ", StringComparison.Ordinal));
    }

    [Fact]
    public void OnTestCompleted_PayloadWithChild_ChildInSameLineAndTrace()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        tracer.OnTestCompleted(CompletedTests.Passed() with { Payload = CompletedTests.Payload() });
        tracer.Complete(aborted: false);

        var line = Assert.Single(ReadLines(), l => TestSpans(l).Any());
        var test = Assert.Single(TestSpans(line));
        var child = Assert.Single(Spans(line), s => s.GetProperty("name").GetString() == "GET /orders");
        Assert.Equal(CompletedTests.SpanId, test.GetProperty("spanId").GetString());
        Assert.Equal(CompletedTests.TraceId, child.GetProperty("traceId").GetString());
        Assert.Equal(CompletedTests.SpanId, child.GetProperty("parentSpanId").GetString());
    }

    [Fact]
    public void OnTestCompleted_PassingTestSampledOut_ItsChildLeftOut_WorkOutsideTestsKept()
    {
        using var tracer = Tracer(new FlakyTraceSettings { PassingSampleRatio = 0 });
        var outside = new SpanData
        {
            TraceId = "5b8efff798038103d269b633813fc60c",
            SpanId = "eee19b7ec3c1b174",
            Name = "warm cache",
            StartTimeUnixNano = 1_700_000_000_000_000_000,
            EndTimeUnixNano = 1_700_000_000_100_000_000,
            ScopeName = "Shop.Tests",
        };

        tracer.OnTestCompleted(CompletedTests.Passed() with { Payload = CompletedTests.Payload() with { Detached = [outside] } });
        tracer.Complete(aborted: false);

        var names = ReadLines().SelectMany(Spans).Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("warm cache", names);
        Assert.DoesNotContain("GET /orders", names);
        Assert.Empty(TestSpansByLine());
    }

    [Fact]
    public void OnTestCompleted_RetriedTestWithChildren_OnlyTheKeptAttemptsChildrenGo()
    {
        using var tracer = Tracer(new FlakyTraceSettings());
        var payload = CompletedTests.Payload();
        var earlier = payload.TestSpan! with { TraceId = "11111111111111111111111111111111", SpanId = "2222222222222222" };
        var strayChild = payload.Children[0] with { TraceId = "33333333333333333333333333333333", SpanId = "4444444444444444", Name = "GET /stray" };

        tracer.OnTestCompleted(CompletedTests.Passed() with
        {
            Payload = payload with { PreviousAttempts = [earlier], Children = [payload.Children[0], strayChild] },
        });
        tracer.Complete(aborted: false);

        var line = Assert.Single(ReadLines(), l => TestSpans(l).Any());
        Assert.Equal(2, TestSpans(line).Count());
        var names = Spans(line).Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("GET /orders", names);
        Assert.DoesNotContain("GET /stray", names);
    }

    [Fact]
    public void OnTestCompleted_SameTestTwice_AttemptsOneAndTwo()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        tracer.OnTestCompleted(CompletedTests.Failed());
        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.OnTestCompleted(CompletedTests.Passed("Cancel"));
        tracer.Complete(aborted: false);

        var attempts = TestSpansByLine().Select(spans => IntAttribute(Assert.Single(spans), "test.case.attempt")).ToList();
        Assert.Equal([1L, 2L, 1L], attempts);
    }

    [Fact]
    public void OnTestCompleted_RepeatedAfterPassing_EachAnExecutionOfItsOwn()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        // TUnit [Repeat(3)]: four executions of one test, one of which fails and is run again.
        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.OnTestCompleted(CompletedTests.Failed());
        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.Complete(aborted: false);

        var attempts = TestSpansByLine().Select(spans => IntAttribute(Assert.Single(spans), "test.case.attempt")).ToList();
        Assert.Equal([1L, 1L, 1L, 2L, 1L], attempts);
    }

    [Fact]
    public void OnTestCompleted_RepeatedPayloadWarning_ReportedOnce()
    {
        using var tracer = Tracer(new FlakyTraceSettings());
        var payload = CompletedTests.Payload() with { Warnings = ["the collector failed in the test process: boom"] };

        tracer.OnTestCompleted(CompletedTests.Passed() with { Payload = payload });
        tracer.OnTestCompleted(CompletedTests.Passed("Cancel") with { Payload = payload });
        tracer.Complete(aborted: false);

        Assert.Equal(["the collector failed in the test process: boom"], report.Warnings);
    }

    [Fact]
    public void Complete_EndpointConfigured_AllSpansSentWithResource()
    {
        var detached = CompletedTests.Payload().Children[0] with { TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", SpanId = "1111111111111111", ParentSpanId = null, Name = "fixture setup" };
        using var tracer = Tracer(new FlakyTraceSettings { TracesEndpoint = Endpoint });

        tracer.OnTestCompleted(CompletedTests.Passed() with { Payload = CompletedTests.Payload() with { Detached = [detached] } });
        tracer.OnTestCompleted(CompletedTests.Passed("Cancel"));
        tracer.Complete(aborted: false);

        Assert.Equal(1, exportersCreated);
        // Spans go while the run goes on, so they may arrive in several calls, all under the one resource.
        Assert.NotEmpty(exporter.Exports);
        Assert.All(exporter.Exports, e => Assert.Equal("Shop.Tests", e.Resource.ValueOf("service.name")));
        var export = (Resource: exporter.Exports[0].Resource, Spans: exporter.Exports.SelectMany(e => e.Spans).ToList());
        var sent = export.Spans.Select(s => s.Name).ToList();
        Assert.Contains("Shop.Tests.OrdersTests.Create(amount: 5)", sent);
        Assert.Contains("GET /orders", sent);
        Assert.Contains("fixture setup", sent);
        Assert.Contains("Shop.Tests.OrdersTests.Cancel(amount: 5)", sent);
        // What is sent is exactly what is in the file.
        var written = ReadLines().SelectMany(Spans).Select(s => s.GetProperty("spanId").GetString()).Order().ToList();
        Assert.Equal(written, export.Spans.Select(s => (string?)s.SpanId).Order().ToList());
        Assert.True(exporter.Disposed);
        Assert.Contains(report.Infos, i => i == $"{export.Spans.Count} spans sent to {Endpoint} (grpc)");
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Complete_NoEndpoint_NothingSent()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.Complete(aborted: false);

        Assert.Equal(0, exportersCreated);
        Assert.Empty(exporter.Exports);
    }

    [Fact]
    public void Complete_SendingFails_OneWarningWithSendError()
    {
        const string error = "OTLP export to http://collector.invalid:4317/ failed: connection refused.";
        var failing = new FakeTraceExporter(error);
        using var tracer = new TestRunTracer(new FlakyTraceSettings { TracesEndpoint = Endpoint }, resultsDirectory.FullName, report, _ => failing);

        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.OnTestCompleted(CompletedTests.Failed());
        tracer.Complete(aborted: false);

        var warning = Assert.Single(report.Warnings);
        Assert.Contains(error, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Infos, i => i.Contains("spans sent", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_Aborted_WarningWithFinishedTestCount()
    {
        using var tracer = Tracer(new FlakyTraceSettings());

        tracer.OnTestCompleted(CompletedTests.Passed("Create"));
        tracer.OnTestCompleted(CompletedTests.Passed("Cancel"));
        tracer.Complete(aborted: true);

        var warning = Assert.Single(report.Warnings);
        Assert.Contains("aborted", warning, StringComparison.Ordinal);
        Assert.Contains("2 tests", warning, StringComparison.Ordinal);
        Assert.Equal(2, TestSpansByLine().Count);
    }

    [Fact]
    public void Complete_NoTests_NoFileAndNoInfo()
    {
        using var tracer = Tracer(new FlakyTraceSettings { TracesEndpoint = Endpoint });

        tracer.Complete(aborted: false);

        Assert.Null(tracer.FilePath);
        Assert.False(Directory.Exists(Path.Combine(resultsDirectory.FullName, "flakytrace")));
        Assert.Empty(report.Infos);
        Assert.Equal(0, exportersCreated);
    }

    [Fact]
    public void OnTestCompleted_OutputDirectorySetting_FileGoesThere()
    {
        var output = Path.Combine(resultsDirectory.FullName, "custom");
        using var tracer = Tracer(new FlakyTraceSettings { OutputDirectory = output });

        tracer.OnTestCompleted(CompletedTests.Passed());
        tracer.Complete(aborted: false);

        Assert.Single(Directory.GetFiles(Path.Combine(output, "flakytrace"), "*.otlp.jsonl"));
    }

    private TestRunTracer Tracer(FlakyTraceSettings settings) =>
        new(settings, resultsDirectory.FullName, report, _ =>
        {
            Interlocked.Increment(ref exportersCreated);
            return exporter;
        });

    /// <summary>Each line of the file, parsed; every line must be one JSON object.</summary>
    private List<JsonElement> ReadLines()
    {
        var file = Assert.Single(Directory.GetFiles(Path.Combine(resultsDirectory.FullName, "flakytrace"), "*" + OtlpJsonLinesFileWriter.FileExtension));
        return File.ReadAllLines(file).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    /// <summary>The test spans (those with a test.case.name) of each line that has any, in file order.</summary>
    private List<List<JsonElement>> TestSpansByLine() =>
        ReadLines().Select(l => TestSpans(l).ToList()).Where(spans => spans.Count > 0).ToList();

    private static IEnumerable<JsonElement> TestSpans(JsonElement tracesData) =>
        Spans(tracesData).Where(s => s.TryGetProperty("attributes", out var attributes)
            && attributes.EnumerateArray().Any(a => a.GetProperty("key").GetString() == "test.case.name"));

    private static IEnumerable<JsonElement> Spans(JsonElement tracesData) =>
        tracesData.GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(s => s.GetProperty("spans").EnumerateArray());

    private static JsonElement AttributeValue(JsonElement owner, string key) =>
        Assert.Single(owner.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == key).GetProperty("value");

    private static string? StringAttribute(JsonElement owner, string key) =>
        AttributeValue(owner, key).GetProperty("stringValue").GetString();

    private static long IntAttribute(JsonElement owner, string key) =>
        long.Parse(AttributeValue(owner, key).GetProperty("intValue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
