using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Spans;
using FlakyCollector.Testing;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class RunLogExportTests
{
    [Fact]
    public void Send_AfterTheSpansFailed_SaysSoWithoutASecondWarning()
    {
        // A dead endpoint costs the run one warning, the span export's; the log records are in the file.
        using var export = new RunLogExport(new FlakyTraceSettings { LogsEndpoint = new Uri("http://127.0.0.1:1/v1/logs") });
        export.Add([], [Record("first"), Record("second")]);
        var report = new FakeRunReport();

        export.Send(report, spansFailed: true);

        Assert.Empty(report.Warnings);
        Assert.Contains(report.Infos, i => i.StartsWith("2 log records were not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_RecordsReachTheEndpoint_BeforeTheEndOfTheRun()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = new FlakyTraceSettings { LogsEndpoint = receiver.GrpcEndpoint, Protocol = OtlpProtocol.Grpc };
        using var export = new RunLogExport(settings);

        export.Add([], [Record("first"), Record("second")]);

        Assert.True(SpinWait.SpinUntil(() => receiver.LogRecords.Count == 2, TimeSpan.FromSeconds(10)), "the records waited for the end of the run");
        export.Add([], [Record("third")]);
        var report = new FakeRunReport();
        export.Send(report, spansFailed: false);
        Assert.Equal(["first", "second", "third"], receiver.LogRecords.Select(r => r.Body.StringValue));
        Assert.Empty(report.Warnings);
        Assert.Contains(report.Infos, i => i.StartsWith("3 log records sent to", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_EndpointNeverAnswers_CostsTheFirstAnswerTimeout_NotTheExportTimeout()
    {
        using var blackHole = new BlackHoleListener();
        using var export = new RunLogExport(new FlakyTraceSettings { LogsEndpoint = blackHole.Endpoint, ExportTimeout = TimeSpan.FromSeconds(60) });
        var watch = Stopwatch.StartNew();

        // More than the queue holds: Add waits only until the first request is given up on.
        for (var i = 0; i < 50; i++)
        {
            export.Add([], [.. Enumerable.Range(0, 200).Select(n => Record($"record {i}.{n}"))]);
        }

        var report = new FakeRunReport();
        export.Send(report, spansFailed: false);

        // The first-answer timeout is 2 s; a loaded machine may add some, never the minute.
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("no answer to the first request", warning, StringComparison.Ordinal);
    }

    private static LogRecordData Record(string body) =>
        new() { TimeUnixNano = 1, Body = body, Category = "Orders", Origin = "ilogger" };
}
