using FlakyCollector.Configuration;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class RunLogExportTests
{
    [Fact]
    public void Send_AfterTheSpansFailed_SaysSoWithoutASecondWarning()
    {
        // A dead endpoint costs the run one warning, the span export's; the log records are in the file.
        var export = new RunLogExport(new FlakyTraceSettings { LogsEndpoint = new Uri("http://127.0.0.1:1/v1/logs") });
        export.Add([], [Record("first"), Record("second")]);
        var report = new FakeRunReport();

        export.Send(report, spansFailed: true);

        Assert.Empty(report.Warnings);
        Assert.Contains(report.Infos, i => i.StartsWith("2 log records were not sent", StringComparison.Ordinal));
    }

    private static LogRecordData Record(string body) =>
        new() { TimeUnixNano = 1, Body = body, Category = "Orders", Origin = "ilogger" };
}
