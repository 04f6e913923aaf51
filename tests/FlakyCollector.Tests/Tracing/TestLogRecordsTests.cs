using System.Text.Json;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Payload;
using FlakyCollector.Spans;
using FlakyCollector.Testing;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

/// <summary>A test's log records: in the file as a LogsData line, and over OTLP logs to a real receiver, under the test's trace.</summary>
public sealed class TestLogRecordsTests : IDisposable
{
    private readonly DirectoryInfo resultsDirectory = Directory.CreateTempSubdirectory("flakytrace-logs-");
    private readonly FakeRunReport report = new();

    public void Dispose() => resultsDirectory.Delete(recursive: true);

    [Fact]
    public void OnTestCompleted_LoggedAndPrinted_LogsDataLineUnderTheTest()
    {
        using var tracer = new TestRunTracer(new FlakyTraceSettings(), resultsDirectory.FullName, report, _ => null);

        tracer.OnTestCompleted(Logged());
        tracer.Complete(aborted: false);

        var line = Assert.Single(Lines(), l => l.TryGetProperty("resourceLogs", out _));
        var scopes = line.GetProperty("resourceLogs")[0].GetProperty("scopeLogs").EnumerateArray().ToList();
        var app = Assert.Single(scopes, s => s.GetProperty("scope").GetProperty("name").GetString() == "Shop.Prices");
        var record = Assert.Single(app.GetProperty("logRecords").EnumerateArray());
        Assert.Equal(CompletedTests.TraceId, record.GetProperty("traceId").GetString());
        Assert.Equal("00f067aa0ba902b7", record.GetProperty("spanId").GetString());
        Assert.Equal(13, record.GetProperty("severityNumber").GetInt32());
        Assert.Equal("Used the cached price 9.99 for A-1", record.GetProperty("body").GetProperty("stringValue").GetString());
        Assert.Contains("Used the cached price {Price} for {Sku}", record.GetProperty("attributes").GetRawText(), StringComparison.Ordinal);

        var output = Assert.Single(scopes, s => s.GetProperty("scope").GetProperty("name").GetString() == "FlakyTrace.TestOutput");
        Assert.Equal(["step 1", "step 2"], output.GetProperty("logRecords").EnumerateArray().Select(r => r.GetProperty("body").GetProperty("stringValue").GetString()));
        Assert.All(output.GetProperty("logRecords").EnumerateArray(), r => Assert.Equal(CompletedTests.SpanId, r.GetProperty("spanId").GetString()));
    }

    [Fact]
    public void OnTestCompleted_LogsOff_NoLogsLine()
    {
        using var tracer = new TestRunTracer(new FlakyTraceSettings { Logs = false }, resultsDirectory.FullName, report, _ => null);

        tracer.OnTestCompleted(Logged());
        tracer.Complete(aborted: false);

        Assert.DoesNotContain(Lines(), l => l.TryGetProperty("resourceLogs", out _));
    }

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task Complete_Endpoint_LogRecordsReachTheLogsService(string protocolName)
    {
        var protocol = protocolName == "grpc" ? OtlpProtocol.Grpc : OtlpProtocol.HttpProtobuf;
        // A run answered only after the export's first-answer bound drops its spans, and the first
        // export of a process compiles both ends of it: on a loaded machine, that alone can pass 2 s.
        var warmUpResults = Directory.CreateTempSubdirectory("flakytrace-logs-warm-up-");
        await using (var warmUp = await OtlpReceiver.StartAsync())
        {
            using var first = new TestRunTracer(Settings(warmUp, protocol), warmUpResults.FullName, new FakeRunReport(), OtlpExporterFactory.Create);
            first.OnTestCompleted(Logged());
            first.Complete(aborted: false);
        }

        warmUpResults.Delete(recursive: true);

        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = Settings(receiver, protocol);
        using (var tracer = new TestRunTracer(settings, resultsDirectory.FullName, report, OtlpExporterFactory.Create))
        {
            tracer.OnTestCompleted(Logged());
            tracer.Complete(aborted: false);
        }

        var received = Assert.Single(receiver.LogExports);
        Assert.Equal("s3cret", received.Headers["x-api-key"]);
        Assert.Equal(3, receiver.LogRecords.Count);
        var cached = Assert.Single(receiver.LogRecords, r => r.Body.StringValue.StartsWith("Used the cached price", StringComparison.Ordinal));
        Assert.Equal(CompletedTests.TraceId, Convert.ToHexStringLower(cached.TraceId.Span));
        Assert.Equal("00f067aa0ba902b7", Convert.ToHexStringLower(cached.SpanId.Span));
        Assert.Contains(report.Infos, i => i.StartsWith("3 log records sent to", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Infos.Concat(report.Warnings), m => m.Contains("s3cret", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadAllText(Directory.GetFiles(resultsDirectory.FullName, "*.otlp.jsonl", SearchOption.AllDirectories).Single()), "s3cret", StringComparison.Ordinal);
    }

    private static FlakyTraceSettings Settings(OtlpReceiver receiver, OtlpProtocol protocol)
    {
        var traces = protocol == OtlpProtocol.Grpc ? receiver.GrpcEndpoint : receiver.HttpTracesUrl;
        return new FlakyTraceSettings
        {
            Protocol = protocol,
            TracesEndpoint = traces,
            LogsEndpoint = OtlpEndpoint.ForLogs(traces, protocol, null),
            Headers = [new("x-api-key", "s3cret")],
        };
    }

    [Fact]
    public void OnTestCompleted_LateRecordsOfEarlierTests_KeptInTheirTraces_UnlessTheirTestWasSampledOut()
    {
        // Passing tests are left out (ratio 0), failures kept: "kept" failed first, "left" passed,
        // then "carrier" brings the records both their apps logged after they had been reported.
        using var tracer = new TestRunTracer(new FlakyTraceSettings { PassingSampleRatio = 0 }, resultsDirectory.FullName, report, _ => null);
        tracer.OnTestCompleted(Traced(CompletedTests.Failed(), "1".PadLeft(32, '0')));
        tracer.OnTestCompleted(Traced(CompletedTests.Passed("Other"), "2".PadLeft(32, '0')));
        var carrier = Traced(CompletedTests.Failed(), "3".PadLeft(32, '0'));
        tracer.OnTestCompleted(carrier with
        {
            Payload = carrier.Payload! with { Logs = [Late("1".PadLeft(32, '0'), "kept: request finished"), Late("2".PadLeft(32, '0'), "left: request finished")] },
        });
        tracer.Complete(aborted: false);

        var records = Lines().Where(l => l.TryGetProperty("resourceLogs", out _))
            .SelectMany(l => l.GetProperty("resourceLogs")[0].GetProperty("scopeLogs").EnumerateArray())
            .SelectMany(s => s.GetProperty("logRecords").EnumerateArray())
            .Select(r => (r.GetProperty("traceId").GetString(), r.GetProperty("body").GetProperty("stringValue").GetString()))
            .ToList();
        Assert.Equal([("1".PadLeft(32, '0'), "kept: request finished")], records);
    }

    private static CompletedTest Traced(CompletedTest test, string traceId) =>
        test with { Payload = CompletedTests.Payload() with { TestSpan = CompletedTests.Payload().TestSpan! with { TraceId = traceId }, Children = [] } };

    private static LogRecordData Late(string traceId, string body) =>
        new() { TimeUnixNano = 1, TraceId = traceId, SpanId = "00f067aa0ba902b7", Body = body, Category = "Microsoft.AspNetCore.Hosting.Diagnostics", Origin = "ilogger" };

    private static CompletedTest Logged() => CompletedTests.Passed() with
    {
        Output = "step 1\nstep 2\n",
        Payload = CompletedTests.Payload() with
        {
            Logs =
            [
                new LogRecordData
                {
                    TimeUnixNano = 1_700_000_000_015_000_000,
                    TraceId = CompletedTests.TraceId,
                    SpanId = "00f067aa0ba902b7",
                    SeverityNumber = 13,
                    SeverityText = "Warning",
                    Body = "Used the cached price 9.99 for A-1",
                    Template = "Used the cached price {Price} for {Sku}",
                    Category = "Shop.Prices",
                    Origin = "ilogger",
                },
            ],
        },
    };

    private List<JsonElement> Lines() =>
        [.. Directory.GetFiles(resultsDirectory.FullName, "*.otlp.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .Select(l => JsonDocument.Parse(l).RootElement)];
}
