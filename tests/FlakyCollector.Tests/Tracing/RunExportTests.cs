using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Testing;
using FlakyCollector.Tests.Export;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class RunExportTests
{
    [Fact]
    public async Task Send_FirstAnswerLaterThanTheFirstAnswerBound_WhileTheRunGoesOn_EverySpanArrives()
    {
        // A live receiver that answers the first gRPC request after 3 s, as one did in CI on a loaded
        // machine: past the 2 s first-answer bound, while nothing waited for it yet.
        await using var receiver = await OtlpReceiver.StartAsync();
        receiver.FirstAnswerDelay = TimeSpan.FromSeconds(3);
        var settings = new FlakyTraceSettings { TracesEndpoint = receiver.GrpcEndpoint, Protocol = OtlpProtocol.Grpc, ExportTimeout = TimeSpan.FromSeconds(60) };
        using var export = new RunExport(settings, OtlpExporterFactory.Create);

        export.Add(SampleSpans.Resource, [SampleSpans.Minimal(0)]);
        Assert.True(SpinWait.SpinUntil(() => receiver.FirstAnswered, TimeSpan.FromSeconds(30)), "the receiver never answered its first request");
        export.Add(SampleSpans.Resource, [SampleSpans.Minimal(1), SampleSpans.Minimal(2)]);
        var report = new FakeRunReport();
        export.Send(report);

        Assert.Empty(report.Warnings);
        Assert.Equal(3, receiver.SpanCount);
        Assert.Contains(report.Infos, i => i.StartsWith("3 spans sent to", StringComparison.Ordinal));
    }
}
