using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

public sealed class ExportQueueLogsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly IReadOnlyList<SpanAttribute> Resource = [new("service.name", "Shop.Tests")];

    [Fact]
    public void Add_FirstRecords_SentWhileTheRunGoesOn()
    {
        var calls = new Calls();
        using var queue = new ExportQueue<LogRecordData>(calls.Invoke, ExportQueueOptions.Logs with { BatchDelay = TimeSpan.FromMinutes(5) }, r => r.Size);

        queue.Add(Resource, Records(3));

        Assert.True(SpinWait.SpinUntil(() => queue.SentCount == 3, Patience), "the first records were not sent before the end of the run");
        Assert.Null(queue.Error);
    }

    [Fact]
    public void Complete_ManyRecords_EveryOneOnceInOrder_InBatchesBoundedByCount()
    {
        var calls = new Calls();
        using var queue = new ExportQueue<LogRecordData>(calls.Invoke, ExportQueueOptions.Logs with { MaxBatch = 10, MaxQueued = 25 }, r => r.Size);
        var records = Records(257);

        for (var i = 0; i < records.Count; i += 7)
        {
            queue.Add(Resource, records.Skip(i).Take(7).ToList());
        }

        queue.Complete(Patience);

        Assert.Null(queue.Error);
        Assert.Equal((257, 257), (queue.AddedCount, queue.SentCount));
        Assert.All(calls.Batches, b => Assert.InRange(b.Count, 1, 10));
        Assert.Equal(records.Select(r => r.Body), calls.Batches.SelectMany(b => b).Select(r => r.Body));
    }

    [Fact]
    public void Complete_LongRecords_BatchesBoundedByBytes_ALongerOneAlone()
    {
        var calls = new Calls();
        using var queue = new ExportQueue<LogRecordData>(calls.Invoke, ExportQueueOptions.Logs with { MaxBatchBytes = 3_000, MaxQueuedBytes = 5_000 }, r => r.Size);
        var records = Records(20, bodyLength: 900).Append(Record("huge", 10_000)).Concat(Records(5, bodyLength: 900)).ToList();

        queue.Add(Resource, records);
        queue.Complete(Patience);

        Assert.Equal(26, queue.SentCount);
        Assert.All(calls.Batches, b => Assert.True(b.Count == 1 || b.Sum(r => r.Size) <= 3_000, $"a batch of {b.Sum(r => r.Size)} bytes"));
        Assert.Contains(calls.Batches, b => b is [{ Body.Length: 10_000 }]);
    }

    [Fact]
    public async Task Add_QueueFullOfBytes_WaitsUntilTheEndpointTakesRecords()
    {
        using var release = new ManualResetEventSlim();
        var calls = new Calls(async (records, token) =>
        {
            await Task.Run(() => release.Wait(token), token);
            return ExportResult.Success(records.Count);
        });
        // Room for thousands by count, for four of these by size.
        using var queue = new ExportQueue<LogRecordData>(calls.Invoke, ExportQueueOptions.Logs with { MaxQueuedBytes = 4 * 1_000, MaxBatchBytes = 1_000, FirstAnswerTimeout = Patience }, r => r.Size);

        var adding = Task.Run(() => queue.Add(Resource, Records(20, bodyLength: 900)));

        var first = await Task.WhenAny(adding, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(adding, first);
        release.Set();
        await adding.WaitAsync(Patience);
        queue.Complete(Patience);
        Assert.Equal(20, queue.SentCount);
    }

    [Fact]
    public void Add_EndpointNeverAnswers_GivenUpAfterTheFirstAnswerTimeout_ThenNothingWaits()
    {
        var calls = new Calls(Silent);
        using var queue = new ExportQueue<LogRecordData>(calls.Invoke, ExportQueueOptions.Logs with
        {
            FirstAnswerTimeout = TimeSpan.FromMilliseconds(100),
            MaxQueued = 4,
            EndpointText = "http://blackhole:4317/",
        }, r => r.Size);

        queue.Add(Resource, Records(2));
        Assert.True(SpinWait.SpinUntil(() => calls.Batches.Count == 1, Patience));

        // More than the queue holds: this waits for the first answer, gives the endpoint up, and
        // then neither the next nor the end waits, as nothing more will be sent.
        queue.Add(Resource, Records(50));
        Assert.NotNull(queue.Error);
        queue.Add(Resource, Records(50));
        queue.Complete(TimeSpan.FromMinutes(5));

        Assert.Matches(@"^OTLP export to http://blackhole:4317/ failed: no answer to the first request in \d+\.\d s, the last 0\.1 s of them waited for by the run \(0 of 2 log records sent\)\.$", queue.Error);
        Assert.Single(calls.Batches);
        Assert.Equal((102, 0), (queue.AddedCount, queue.SentCount));
    }

    [Fact]
    public void Complete_FlushDoesNotFinish_StopsAtTheTimeoutAndSaysSo()
    {
        var calls = new Calls((records, token) => records[0].Body.StartsWith("record 0", StringComparison.Ordinal) ? Task.FromResult(ExportResult.Success(records.Count)) : Silent(records, token));
        using var queue = new ExportQueue<LogRecordData>(calls.Invoke, ExportQueueOptions.Logs with { BatchDelay = TimeSpan.FromMinutes(5), EndpointText = "http://slow:4317/" }, r => r.Size);
        queue.Add(Resource, Records(1));
        Assert.True(SpinWait.SpinUntil(() => queue.SentCount == 1, Patience));
        queue.Add(Resource, [Record("later", 10)]);

        queue.Complete(TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, queue.SentCount);
        Assert.StartsWith("OTLP export to http://slow:4317/ failed: the log records left at the end of the run were not sent", queue.Error, StringComparison.Ordinal);
    }

    private static async Task<ExportResult> Silent(IReadOnlyList<LogRecordData> records, CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
        }

        return ExportResult.Failure(0, "cancelled");
    }

    private static List<LogRecordData> Records(int count, int bodyLength = 10) =>
        [.. Enumerable.Range(0, count).Select(i => Record($"record {i}", bodyLength))];

    private static LogRecordData Record(string body, int length) =>
        new() { TimeUnixNano = 1, Body = body.PadRight(length, '.'), Category = "Orders", Origin = "ilogger" };

    /// <summary>An export that keeps what it was given and answers as scripted (at once, accepting, by default).</summary>
    private sealed class Calls(Func<IReadOnlyList<LogRecordData>, CancellationToken, Task<ExportResult>>? answer = null)
    {
        private readonly List<IReadOnlyList<LogRecordData>> batches = [];

        public IReadOnlyList<IReadOnlyList<LogRecordData>> Batches
        {
            get
            {
                lock (batches)
                {
                    return [.. batches];
                }
            }
        }

        public Task<ExportResult> Invoke(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records, CancellationToken token)
        {
            lock (batches)
            {
                batches.Add([.. records]);
            }

            return answer is null ? Task.FromResult(ExportResult.Success(records.Count)) : answer(records, token);
        }
    }
}
