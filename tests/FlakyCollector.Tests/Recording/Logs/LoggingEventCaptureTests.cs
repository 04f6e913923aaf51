using System.Diagnostics;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Recording.Logs;
using Microsoft.Extensions.Logging;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Recording.Logs;

/// <summary>A real ILogger with the event source provider (as every default host has), inside and outside a test.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class LoggingEventCaptureTests : IDisposable
{
    private const string TestKey = "Shop.Tests.PriceTests.Logs";
    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);
    private static readonly ActivitySource AppSource = new("Microsoft.AspNetCore");

    private readonly ActivityRecorder recorder = new(new SourceFilter(TestActivityNames.DefaultSources));
    private readonly ILoggerFactory loggers = LoggerFactory.Create(b => b.AddEventSourceLogger().SetMinimumLevel(LogLevel.Information));

    public void Dispose()
    {
        loggers.Dispose();
        recorder.Dispose();
    }

    [Fact]
    public async Task Log_InsideATest_RecordWithTheTestsTraceTemplateAndSeverity()
    {
        var logger = loggers.CreateLogger("Shop.Prices");
        logger.LogWarning("Outside any test {Sku}", "A-0");
        Activity.Current = null;
        var test = HookSource.StartActivity(TestKey);
        Assert.NotNull(test);
        test.SetTag(TestActivityNames.KeyTag, TestKey);
        await Task.Run(() => logger.LogWarning("Used the cached price {Price} for {Sku}", 9.99m, "A-1"));
        logger.LogDebug("Below the level {Sku}", "A-2");
        test.Stop();

        var recording = ExecutionRecording.From(recorder.TakeEnded(TestKey, outcome: null), "hook", []);

        var record = Assert.Single(recording.Logs);
        Assert.Equal((test.TraceId.ToHexString(), test.SpanId.ToHexString()), (record.TraceId, record.SpanId));
        Assert.Equal(("Used the cached price 9.99 for A-1", "Used the cached price {Price} for {Sku}"), (record.Body, record.Template));
        Assert.Equal((13, "Warning", "Shop.Prices", LogNames.ILoggerOrigin), (record.SeverityNumber, record.SeverityText, record.Category, record.Origin));
        Assert.Equal(recording.Logs, ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(recording)).Logs);
    }

    [Fact]
    public void Log_ByWorkTheTestStarted_AfterItsRecordingWasTaken_TravelsWithTheNextTest()
    {
        // An in-memory app logs "Request finished" after its response reached the test, which may have ended by then.
        var logger = loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
        Activity.Current = null;
        var first = HookSource.StartActivity(TestKey)!;
        first.SetTag(TestActivityNames.KeyTag, TestKey);
        var request = AppSource.StartActivity("GET /prices/{sku}", ActivityKind.Server)!;
        first.Stop();
        var firstRecording = ExecutionRecording.From(recorder.TakeEnded(TestKey, outcome: null), "hook", []);
        Activity.Current = request;
        logger.LogInformation("Request finished {Path}", "/prices/A-1");
        request.Stop();
        Activity.Current = null;
        logger.LogInformation("Outside any test {Path}", "/health");

        var second = HookSource.StartActivity(TestKey)!;
        second.SetTag(TestActivityNames.KeyTag, TestKey);
        second.Stop();
        var secondRecording = ExecutionRecording.From(recorder.TakeEnded(TestKey, outcome: null), "hook", []);

        Assert.Empty(firstRecording.Logs);
        var late = Assert.Single(secondRecording.Logs);
        Assert.Equal(("Request finished /prices/A-1", first.TraceId.ToHexString(), request.SpanId.ToHexString()), (late.Body, late.TraceId, late.SpanId));
        Assert.Equal(secondRecording.Logs, ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(secondRecording)).Logs);
    }

    [Fact]
    public void Log_OnTheTestsOwnTrace_AfterItsRecordingWasRead_TravelsWithTheNextTest()
    {
        var logger = loggers.CreateLogger("Shop.Prices");
        // The interleaving of a loaded machine: the record found its test still listed, and the
        // test's recording was read before the record was added to it.
        var first = recorder.StartTest("Logs_Late")!;
        Assert.Empty(first.TakeLogs().Records);

        logger.LogWarning("Cache refreshed {Sku}", "A-1");
        var second = recorder.FinishTest(recorder.StartTest("Next")!);
        var recording = ExecutionRecording.From([second], "collector", []);

        var late = Assert.Single(recording.Logs);
        Assert.Equal(("Cache refreshed A-1", first.TraceId.ToHexString()), (late.Body, late.TraceId));
        Assert.Empty(recorder.FinishTest(first).LateLogs);
    }

    [Fact]
    public void Log_PastTheBound_KeepsTheFirstAndCountsTheRestOnTheTestSpan()
    {
        var logger = loggers.CreateLogger("Shop.Loop");
        Activity.Current = null;
        var test = HookSource.StartActivity(TestKey);
        Assert.NotNull(test);
        test.SetTag(TestActivityNames.KeyTag, TestKey);
        for (var i = 0; i < LogNames.DefaultMaxRecords + 50; i++)
        {
            logger.LogInformation("Item {Index}", i);
        }

        test.Stop();
        var recording = ExecutionRecording.From(recorder.TakeEnded(TestKey, outcome: null), "hook", []);

        Assert.Equal(LogNames.DefaultMaxRecords, recording.Logs.Count);
        Assert.Equal("Item 0", recording.Logs[0].Body);
        Assert.Contains(new Spans.SpanAttribute(LogNames.DroppedAttribute, 50L), recording.TestSpan!.Attributes);
    }
}
