using FlakyCollector.Export;

namespace FlakyCollector.Tests.Export;

public class OtlpRequestBatcherTests
{
    [Fact]
    public void Split_MoreSpansThanARequestHolds_SplitsByCount()
    {
        var requests = OtlpRequestBatcher.Split(SampleSpans.Resource, SampleSpans.Many(1300), 512, 4_000_000).ToList();
        Assert.Equal([512, 512, 276], requests.Select(r => r.SpanCount));
    }

    [Fact]
    public void Split_LargeSpans_KeepsEveryRequestUnderTheByteLimitAndTheOrder()
    {
        var spans = SampleSpans.Many(40, padding: 10_000);
        var requests = OtlpRequestBatcher.Split(SampleSpans.Resource, spans, 512, 50_000).ToList();

        Assert.True(requests.Count >= 9, $"{requests.Count} requests");
        Assert.All(requests, r => Assert.InRange(r.Size, 1, 50_000));
        var names = requests
            .Select(r => { var bytes = new byte[r.Size]; r.WriteTo(bytes, 0); return bytes; })
            .Select(OpenTelemetry.Proto.Collector.Trace.V1.ExportTraceServiceRequest.Parser.ParseFrom)
            .SelectMany(r => r.ResourceSpans[0].ScopeSpans[0].Spans)
            .Select(s => s.Name);
        Assert.Equal(spans.Select(s => s.Name), names);
    }

    [Fact]
    public void Split_SpanLargerThanTheLimit_GoesAlone()
    {
        var spans = SampleSpans.Many(3, padding: 100);
        spans[1] = spans[1] with { Name = new string('n', 10_000) };
        var requests = OtlpRequestBatcher.Split(SampleSpans.Resource, spans, 512, 5_000).ToList();
        Assert.Equal([1, 1, 1], requests.Select(r => r.SpanCount));
        Assert.True(requests[1].Size > 5_000);
    }
}
