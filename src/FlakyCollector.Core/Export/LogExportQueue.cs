using System.Globalization;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Exports log records while the run goes on, as the <see cref="SpanExportQueue"/> does spans: a
/// queue bounded in records and bytes, drained in batches by one background thread. A full queue
/// makes <see cref="Add"/> wait while the endpoint works; after its first failure nothing more is
/// queued or sent. An endpoint that has never answered gets the same short first deadline as for
/// spans, so a dead one costs the run that, not the export timeout.
/// </summary>
internal sealed class LogExportQueue : IDisposable
{
    private readonly Func<IReadOnlyList<SpanAttribute>, IReadOnlyList<LogRecordData>, CancellationToken, Task<ExportResult>> export;
    private readonly LogExportQueueOptions options;
    private readonly Queue<QueuedLogRecord> queue = new();
    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread worker;
    private long queuedBytes;
    private bool completing;
    private bool answered;
    private int added;
    private int sent;
    private string? error;

    /// <param name="export">Sends records of one resource in one request; reports failures in its result, within its own timeout.</param>
    public LogExportQueue(Func<IReadOnlyList<SpanAttribute>, IReadOnlyList<LogRecordData>, CancellationToken, Task<ExportResult>> export, LogExportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(options);
        this.export = export;
        this.options = options;
        worker = new Thread(Drain) { IsBackground = true, Name = "FlakyTrace OTLP log export" };
        worker.Start();
    }

    /// <summary>Records given to <see cref="Add"/>, queued or not.</summary>
    public int AddedCount => Volatile.Read(ref added);

    /// <summary>Records the endpoint accepted so far.</summary>
    public int SentCount => Volatile.Read(ref sent);

    /// <summary>The first failure, or null while the endpoint works.</summary>
    public string? Error => Volatile.Read(ref error);

    /// <summary>Queues records of one resource; waits while the queue is full and the endpoint still works.</summary>
    public void Add(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records)
    {
        Interlocked.Add(ref added, records.Count);
        lock (gate)
        {
            var wasEmpty = queue.Count == 0;
            foreach (var record in records)
            {
                while (IsFull(record.Size) && error is null && !completing)
                {
                    Monitor.PulseAll(gate); // the worker may be asleep on what was an empty queue
                    Monitor.Wait(gate);
                }

                if (error is not null)
                {
                    return;
                }

                queue.Enqueue(new QueuedLogRecord(resource, record));
                queuedBytes += record.Size;
            }

            if (wasEmpty || queue.Count >= options.MaxBatchRecords)
            {
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>Sends what is left within <paramref name="timeout"/> and stops; at once when the endpoint already failed.</summary>
    public void Complete(TimeSpan timeout)
    {
        lock (gate)
        {
            completing = true;
            Monitor.PulseAll(gate);
        }

        if (!worker.Join(timeout))
        {
            Fail(string.Create(CultureInfo.InvariantCulture,
                $"OTLP export to {options.EndpointText} failed: the log records left at the end of the run were not sent within the export timeout of {timeout.TotalSeconds:0.###} s."));
            stop.Cancel();
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

    // An empty queue always takes a record, however large: it goes alone.
    private bool IsFull(int size) =>
        queue.Count >= options.MaxQueuedRecords || (queue.Count > 0 && queuedBytes + size > options.MaxQueuedBytes);

    private void Drain()
    {
        var batch = new List<QueuedLogRecord>(options.MaxBatchRecords);
        try
        {
            while (TakeBatch(batch) && Send(batch))
            {
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a request was still being let go of: the run has ended.
        }
    }

    /// <summary>Waits for a full batch, the batch delay, or the end; false when there is nothing more to do.</summary>
    private bool TakeBatch(List<QueuedLogRecord> batch)
    {
        batch.Clear();
        lock (gate)
        {
            var due = answered ? DateTime.UtcNow + options.BatchDelay : DateTime.UtcNow;
            while (error is null && !completing && queue.Count < options.MaxBatchRecords && queuedBytes < options.MaxBatchBytes)
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
            while (batch.Count < options.MaxBatchRecords && queue.TryPeek(out var next)
                && (batch.Count == 0 || bytes + next.Record.Size <= options.MaxBatchBytes))
            {
                batch.Add(queue.Dequeue());
                bytes += next.Record.Size;
            }

            queuedBytes -= bytes;
            Monitor.PulseAll(gate); // room for producers waiting on a full queue
            return true;
        }
    }

    private bool Send(List<QueuedLogRecord> batch)
    {
        // Records of one resource (test assembly) go together; a batch rarely holds more than one.
        var start = 0;
        while (start < batch.Count)
        {
            var resource = batch[start].Resource;
            var end = start;
            while (end < batch.Count && ReferenceEquals(batch[end].Resource, resource))
            {
                end++;
            }

            var records = batch.GetRange(start, end - start).ConvertAll(q => q.Record);
            var result = Export(resource, records);
            Interlocked.Add(ref sent, result.ExportedSpanCount);
            if (!result.Succeeded)
            {
                Fail(result.Error ?? $"OTLP export to {options.EndpointText} failed");
                return false;
            }

            answered = true;
            start = end;
        }

        return true;
    }

    private ExportResult Export(IReadOnlyList<SpanAttribute> resource, List<LogRecordData> records)
    {
        using var firstContact = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        if (!answered)
        {
            firstContact.CancelAfter(options.FirstAnswerTimeout);
        }

        try
        {
            var result = export(resource, records, firstContact.Token).GetAwaiter().GetResult();
            if (!result.Succeeded && !answered && firstContact.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                return ExportResult.Failure(0, string.Create(CultureInfo.InvariantCulture,
                    $"OTLP export to {options.EndpointText} failed: no answer to the first request within {options.FirstAnswerTimeout.TotalSeconds:0.###} s."));
            }

            return result;
        }
        catch (Exception e)
        {
            // The export reports failures in its result; anything thrown is a bug, and the run goes on.
            return ExportResult.Failure(0, $"OTLP export to {options.EndpointText} failed: {ExportErrorText.Describe(e)}");
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
