using System.Diagnostics;
using System.Globalization;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Exports spans or log records while the run goes on: a queue bounded in items (and, for log
/// records, bytes) that one background thread drains in batches, like the OpenTelemetry SDK's
/// batch processor. A full queue makes <see cref="Add"/> wait (every item is meant to arrive), but
/// only while the endpoint works: after its first failure nothing more is queued or sent, and
/// <see cref="Complete"/> does not wait for it again. An endpoint that has not answered its first
/// request yet gets a short deadline once something waits for it (the run's end, or a full queue),
/// so that one which accepts connections and never replies costs a run seconds, not the whole
/// timeout. Until then it has the export timeout: on a loaded machine a live endpoint's first
/// answer, with its cold start and ours, can take seconds, and nothing is lost by waiting for it.
/// </summary>
internal sealed class ExportQueue<TItem> : IDisposable
{
    private readonly Send export;
    private readonly Func<TItem, int> size;
    private readonly ExportQueueOptions options;
    private readonly Queue<(IReadOnlyList<SpanAttribute> Resource, TItem Item)> queue = new();
    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread worker;
    private long queuedBytes;
    private bool completing;
    private bool answered;
    private CancellationTokenSource? firstRequest; // while the first request is out unanswered
    private long firstRequestSent;
    private bool firstRequestDue;
    private int waitingToAdd;
    private int added;
    private int sent;
    private string? error;

    /// <param name="export">Sends items of one resource in one request; reports failures in its result, within its own timeout.</param>
    /// <param name="options">The bounds; <see cref="ExportQueueOptions.Spans"/> or <see cref="ExportQueueOptions.Logs"/>, or either with changes.</param>
    /// <param name="size">An item's approximate size in bytes, for the options' byte bounds.</param>
    public ExportQueue(Send export, ExportQueueOptions options, Func<TItem, int> size)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(size);
        this.export = export;
        this.options = options;
        this.size = size;
        worker = new Thread(Drain) { IsBackground = true, Name = $"FlakyTrace OTLP export ({options.ItemsName})" };
        worker.Start();
    }

    /// <summary>Sends items of one resource in one request.</summary>
    public delegate Task<ExportResult> Send(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<TItem> items, CancellationToken cancellationToken);

    /// <summary>Items given to <see cref="Add"/>, queued or not.</summary>
    public int AddedCount => Volatile.Read(ref added);

    /// <summary>Items the endpoint accepted so far.</summary>
    public int SentCount => Volatile.Read(ref sent);

    /// <summary>The first failure (one line naming the endpoint), or null while the endpoint works.</summary>
    public string? Error => Volatile.Read(ref error);

    /// <summary>Queues items of one resource; waits while the queue is full and the endpoint still works.</summary>
    public void Add(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<TItem> items)
    {
        Interlocked.Add(ref added, items.Count);
        lock (gate)
        {
            var wasEmpty = queue.Count == 0;
            foreach (var item in items)
            {
                var bytes = size(item);
                while (IsFull(bytes) && error is null && !completing)
                {
                    Monitor.PulseAll(gate); // the worker may be asleep on what was an empty queue
                    WaitingForTheFirstAnswer();
                    waitingToAdd++;
                    Monitor.Wait(gate);
                    waitingToAdd--;
                }

                if (error is not null)
                {
                    return;
                }

                queue.Enqueue((resource, item));
                queuedBytes += bytes;
            }

            // The worker sleeps without a deadline on an empty queue, and must hear of a full batch.
            if (wasEmpty || queue.Count >= options.MaxBatch)
            {
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>
    /// Sends what is left within <paramref name="timeout"/> and stops. Returns at once when the
    /// endpoint already failed.
    /// </summary>
    public void Complete(TimeSpan timeout)
    {
        lock (gate)
        {
            completing = true;
            WaitingForTheFirstAnswer();
            Monitor.PulseAll(gate);
        }

        if (!worker.Join(timeout))
        {
            // Said before the cancellation, so that this, not the cancelled call's own error, is the warning.
            Fail(string.Create(CultureInfo.InvariantCulture,
                $"OTLP export to {options.EndpointText} failed: the {options.ItemsName} left at the end of the run were not sent within the export timeout of {timeout.TotalSeconds:0.###} s."));
            stop.Cancel();
            // The export honours the token at once; the join only collects the thread.
            worker.Join(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Stops at once, sending nothing more: what is still queued is dropped.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            completing = true;
            Monitor.PulseAll(gate);
        }

        stop.Cancel();
        worker.Join(TimeSpan.FromSeconds(1));
        stop.Dispose();
    }

    // An empty queue always takes an item, however large: it goes alone.
    private bool IsFull(int bytes) =>
        queue.Count >= options.MaxQueued || (queue.Count > 0 && queuedBytes + bytes > options.MaxQueuedBytes);

    private void Drain()
    {
        var batch = new List<(IReadOnlyList<SpanAttribute> Resource, TItem Item)>(Math.Min(options.MaxBatch, 1024));
        try
        {
            while (TakeBatch(batch) && SendBatch(batch))
            {
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a request was still being let go of: the run has ended.
        }
    }

    /// <summary>Waits for a full batch, the batch delay, or the end; false when there is nothing more to do.</summary>
    private bool TakeBatch(List<(IReadOnlyList<SpanAttribute> Resource, TItem Item)> batch)
    {
        batch.Clear();
        lock (gate)
        {
            // The first items go at once: the first request tells whether the endpoint answers.
            var due = answered ? DateTime.UtcNow + options.BatchDelay : DateTime.UtcNow;
            while (error is null && !completing && queue.Count < options.MaxBatch && queuedBytes < options.MaxBatchBytes)
            {
                var wait = due - DateTime.UtcNow;
                if (queue.Count > 0 && wait <= TimeSpan.Zero)
                {
                    break;
                }

                Monitor.Wait(gate, queue.Count == 0 ? Timeout.InfiniteTimeSpan : wait);
            }

            if (error is not null || queue.Count == 0 || stop.IsCancellationRequested)
            {
                return false;
            }

            var bytes = 0L;
            while (batch.Count < options.MaxBatch && queue.TryPeek(out var next)
                && size(next.Item) is var itemBytes && (batch.Count == 0 || bytes + itemBytes <= options.MaxBatchBytes))
            {
                batch.Add(queue.Dequeue());
                bytes += itemBytes;
            }

            queuedBytes -= bytes;
            Monitor.PulseAll(gate); // room for producers waiting on a full queue
            return true;
        }
    }

    private bool SendBatch(List<(IReadOnlyList<SpanAttribute> Resource, TItem Item)> batch)
    {
        // Items of one resource (test assembly) go together; a batch rarely holds more than one.
        var start = 0;
        while (start < batch.Count)
        {
            var resource = batch[start].Resource;
            var end = start;
            while (end < batch.Count && ReferenceEquals(batch[end].Resource, resource))
            {
                end++;
            }

            var items = new TItem[end - start];
            for (var i = start; i < end; i++)
            {
                items[i - start] = batch[i].Item;
            }

            var result = Export(resource, items);
            Interlocked.Add(ref sent, result.ExportedSpanCount);
            if (!result.Succeeded)
            {
                Fail(result.Error ?? $"OTLP export to {options.EndpointText} failed");
                return false;
            }

            Volatile.Write(ref answered, true);
            start = end;
        }

        return true;
    }

    private ExportResult Export(IReadOnlyList<SpanAttribute> resource, TItem[] items)
    {
        using var request = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        if (!answered)
        {
            lock (gate)
            {
                firstRequest = request;
                firstRequestSent = Stopwatch.GetTimestamp();
                if (completing || waitingToAdd > 0)
                {
                    WaitingForTheFirstAnswer();
                }
            }
        }

        try
        {
            var result = export(resource, items, request.Token).GetAwaiter().GetResult();
            if (!result.Succeeded && !answered && request.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                return ExportResult.Failure(result.ExportedSpanCount, string.Create(CultureInfo.InvariantCulture,
                    $"OTLP export to {options.EndpointText} failed: no answer to the first request in {Stopwatch.GetElapsedTime(firstRequestSent).TotalSeconds:0.0} s, the last {options.FirstAnswerTimeout.TotalSeconds:0.###} s of them waited for by the run ({result.ExportedSpanCount} of {items.Length} {options.ItemsName} sent)."));
            }

            return result;
        }
        catch (Exception e)
        {
            // The export reports failures in its result; anything thrown is a bug, and the run goes on.
            return ExportResult.Failure(0, $"OTLP export to {options.EndpointText} failed: {ExportErrorText.Describe(e)}");
        }
        finally
        {
            lock (gate)
            {
                firstRequest = null;
            }
        }
    }

    /// <summary>
    /// Something now waits for the endpoint (under the gate): a first request still out without an
    /// answer is given <see cref="ExportQueueOptions.FirstAnswerTimeout"/> more, once.
    /// </summary>
    private void WaitingForTheFirstAnswer()
    {
        if (firstRequest is not null && !firstRequestDue)
        {
            firstRequestDue = true;
            firstRequest.CancelAfter(options.FirstAnswerTimeout);
        }
    }

    private void Fail(string message)
    {
        lock (gate)
        {
            error ??= message;
            queue.Clear();
            queuedBytes = 0;
            Monitor.PulseAll(gate);
        }
    }
}
