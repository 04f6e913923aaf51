using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

public sealed class ExportQueueSpansTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Add_FirstSpans_SentWhileTheRunGoesOn()
    {
        var exporter = new ScriptedTraceExporter();
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with { BatchDelay = TimeSpan.FromMinutes(5) }, static _ => 0);

        queue.Add(SampleSpans.Resource, Spans(3));

        Assert.True(SpinWait.SpinUntil(() => exporter.SpanCount == 3, Patience), "the first spans were not sent before the end of the run");
        Assert.Null(queue.Error);
    }

    [Fact]
    public void Complete_ManySpans_EveryOneArrivesInBoundedBatches()
    {
        var exporter = new ScriptedTraceExporter();
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with { MaxBatch = 10, MaxQueued = 25 }, static _ => 0);
        var spans = Spans(257);

        for (var i = 0; i < spans.Count; i += 7)
        {
            queue.Add(SampleSpans.Resource, spans.Skip(i).Take(7).ToList());
        }

        queue.Complete(Patience);

        Assert.Null(queue.Error);
        Assert.Equal(257, queue.SentCount);
        Assert.All(exporter.Calls, call => Assert.InRange(call.Count, 1, 10));
        Assert.Equal(spans.Select(s => s.SpanId), exporter.Calls.SelectMany(c => c).Select(s => s.SpanId));
    }

    [Fact]
    public async Task Add_QueueFull_WaitsUntilTheExporterTakesSpans()
    {
        using var release = new ManualResetEventSlim();
        var exporter = new ScriptedTraceExporter(async (_, spans, token) =>
        {
            await Task.Run(() => release.Wait(token), token);
            return new ExportResult(true, spans.Count, null);
        });
        // The held first request must not meet the first-answer bound: on a loaded machine the release can come after 2 s.
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with { MaxBatch = 2, MaxQueued = 4, FirstAnswerTimeout = Patience }, static _ => 0);

        var adding = Task.Run(() => queue.Add(SampleSpans.Resource, Spans(20)));

        var first = await Task.WhenAny(adding, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(adding, first); // Add waits for room in a full queue
        release.Set();
        await adding.WaitAsync(Patience);
        queue.Complete(Patience);
        Assert.Equal(20, exporter.SpanCount);
    }

    [Fact]
    public void Complete_EndpointFailedDuringRun_NotCalledAgainAndOneError()
    {
        const string error = "OTLP export (grpc) to http://collector.invalid:4317/ failed: connection refused";
        var exporter = new ScriptedTraceExporter((_, _, _) => Task.FromResult(new ExportResult(false, 0, error)));
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans, static _ => 0);
        queue.Add(SampleSpans.Resource, Spans(1));
        Assert.True(SpinWait.SpinUntil(() => queue.Error is not null, Patience));

        queue.Add(SampleSpans.Resource, Spans(50));
        queue.Complete(Patience);

        Assert.Equal(error, queue.Error);
        Assert.Single(exporter.Calls);
        Assert.Equal(0, queue.SentCount);
    }

    [Fact]
    public void Complete_EndpointNeverAnswers_GivenUpAfterTheFirstAnswerTimeout()
    {
        var exporter = new ScriptedTraceExporter((_, spans, token) => ScriptedTraceExporter.Silent(spans, token));
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with
        {
            FirstAnswerTimeout = TimeSpan.FromMilliseconds(100),
            EndpointText = "http://blackhole:4317/",
        }, static _ => 0);
        queue.Add(SampleSpans.Resource, Spans(2));

        // Not the minute: the end of the run gives the first request the first-answer timeout, once.
        queue.Complete(TimeSpan.FromMinutes(1));

        Assert.Matches(@"^OTLP export to http://blackhole:4317/ failed: no answer to the first request in \d+\.\d s, the last 0\.1 s of them waited for by the run \(0 of 2 spans sent\)\.$", queue.Error);
    }

    [Fact]
    public void Add_FirstAnswerSlowerThanTheFirstAnswerTimeout_WhileNothingWaits_EverySpanIsSent()
    {
        // A live endpoint's first answer on a loaded machine: later than the bound, before the run's end.
        using var release = new ManualResetEventSlim();
        var exporter = new ScriptedTraceExporter(async (call, spans, token) =>
        {
            if (call == 1)
            {
                await Task.Run(() => release.Wait(token), token);
            }

            return new ExportResult(true, spans.Count, null);
        });
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with { FirstAnswerTimeout = TimeSpan.FromMilliseconds(50) }, static _ => 0);
        queue.Add(SampleSpans.Resource, Spans(1));
        Assert.True(SpinWait.SpinUntil(() => exporter.Calls.Count == 1, Patience));

        Thread.Sleep(300); // far past the bound, with the first request still out
        queue.Add(SampleSpans.Resource, Spans(5));
        release.Set();
        queue.Complete(Patience);

        Assert.Null(queue.Error);
        Assert.Equal(6, queue.SentCount);
    }

    [Fact]
    public async Task Add_QueueFullBeforeTheFirstAnswer_WaitsOnlyTheFirstAnswerTimeout()
    {
        var exporter = new ScriptedTraceExporter((_, spans, token) => ScriptedTraceExporter.Silent(spans, token));
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with
        {
            MaxBatch = 2,
            MaxQueued = 4,
            FirstAnswerTimeout = TimeSpan.FromMilliseconds(100),
        }, static _ => 0);

        // Far more than the queue holds: Add waits for the endpoint, then gives it up instead of waiting without end.
        var adding = Task.Run(() => queue.Add(SampleSpans.Resource, Spans(50)));

        await adding.WaitAsync(Patience); // throws when a full queue waits for a silent endpoint without end
        Assert.Contains("no answer to the first request", queue.Error, StringComparison.Ordinal);
        queue.Complete(TimeSpan.FromMinutes(1));
        Assert.Single(exporter.Calls);
    }

    [Fact]
    public void Complete_FlushDoesNotFinish_StopsAtTheTimeoutAndSaysSo()
    {
        var exporter = new ScriptedTraceExporter((call, spans, token) =>
            call == 1 ? Task.FromResult(new ExportResult(true, spans.Count, null)) : ScriptedTraceExporter.Silent(spans, token));
        using var queue = new ExportQueue<SpanData>(exporter.ExportAsync, ExportQueueOptions.Spans with { BatchDelay = TimeSpan.FromMinutes(5), EndpointText = "http://slow:4317/" }, static _ => 0);
        queue.Add(SampleSpans.Resource, Spans(1));
        Assert.True(SpinWait.SpinUntil(() => queue.SentCount == 1, Patience));
        queue.Add(SampleSpans.Resource, Spans(3));

        queue.Complete(TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, queue.SentCount);
        Assert.StartsWith("OTLP export to http://slow:4317/ failed: the spans left at the end of the run were not sent", queue.Error, StringComparison.Ordinal);
    }

    private static List<SpanData> Spans(int count) => Enumerable.Range(0, count)
        .Select(i => SampleSpans.FailedTest() with { SpanId = i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) })
        .ToList();
}
