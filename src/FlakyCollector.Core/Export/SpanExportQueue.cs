using System.Globalization;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Exports spans while the run goes on: a bounded queue that one background thread drains in
/// batches through an <see cref="ITraceExporter"/>, like the OpenTelemetry SDK's batch processor.
/// A full queue makes <see cref="Add"/> wait (every span is meant to arrive), but only while the
/// endpoint works: after its first failure nothing more is queued or sent, and <see cref="Complete"/>
/// does not wait for it again. An endpoint that has never answered gets a short first deadline, so
/// that one which accepts connections and never replies costs a run seconds, not the whole timeout.
/// </summary>
internal sealed class SpanExportQueue : IDisposable
{
    private readonly ITraceExporter exporter;
    private readonly SpanExportQueueOptions options;
    private readonly Queue<QueuedSpan> queue = new();
    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread worker;
    private bool completing;
    private bool answered;
    private int sent;
    private string? error;

    public SpanExportQueue(ITraceExporter exporter, SpanExportQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(options);
        this.exporter = exporter;
        this.options = options;
        worker = new Thread(Drain) { IsBackground = true, Name = "FlakyTrace OTLP export" };
        worker.Start();
    }

    /// <summary>Spans the endpoint accepted so far.</summary>
    public int SentCount => Volatile.Read(ref sent);

    /// <summary>The first failure (one line naming the endpoint), or null while the endpoint works.</summary>
    public string? Error => Volatile.Read(ref error);

    /// <summary>Queues spans of one resource; waits while the queue is full and the endpoint still works.</summary>
    public void Add(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        lock (gate)
        {
            var wasEmpty = queue.Count == 0;
            foreach (var span in spans)
            {
                while (queue.Count >= options.MaxQueuedSpans && error is null && !completing)
                {
                    Monitor.PulseAll(gate); // the worker may be asleep on what was an empty queue
                    Monitor.Wait(gate);
                }

                if (error is not null)
                {
                    return;
                }

                queue.Enqueue(new QueuedSpan(resource, span));
            }

            // The worker sleeps without a deadline on an empty queue, and must hear of a full batch.
            if (wasEmpty || queue.Count >= options.MaxBatchSpans)
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
            Monitor.PulseAll(gate);
        }

        if (!worker.Join(timeout))
        {
            // Said before the cancellation, so that this, not the cancelled call's own error, is the warning.
            Fail(string.Create(CultureInfo.InvariantCulture,
                $"OTLP export to {options.EndpointText} failed: the spans left at the end of the run were not sent within the export timeout of {timeout.TotalSeconds:0.###} s."));
            stop.Cancel();
            // The exporter honours the token at once; the join only collects the thread.
            worker.Join(TimeSpan.FromSeconds(1));
        }
    }

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

    private void Drain()
    {
        var batch = new List<QueuedSpan>(options.MaxBatchSpans);
        while (TakeBatch(batch))
        {
            if (!Send(batch))
            {
                return;
            }
        }
    }

    /// <summary>Waits for a full batch, the batch delay, or the end; false when there is nothing more to do.</summary>
    private bool TakeBatch(List<QueuedSpan> batch)
    {
        batch.Clear();
        lock (gate)
        {
            // The first spans go at once: the first request tells whether the endpoint answers.
            var due = answered ? DateTime.UtcNow + options.BatchDelay : DateTime.UtcNow;
            while (error is null && !completing && queue.Count < options.MaxBatchSpans)
            {
                var wait = due - DateTime.UtcNow;
                if (queue.Count > 0 && wait <= TimeSpan.Zero)
                {
                    break;
                }

                Monitor.Wait(gate, queue.Count == 0 ? Timeout.InfiniteTimeSpan : wait);
            }

            if (error is not null || queue.Count == 0)
            {
                return false;
            }

            while (batch.Count < options.MaxBatchSpans && queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            Monitor.PulseAll(gate); // room for producers waiting on a full queue
            return true;
        }
    }

    private bool Send(List<QueuedSpan> batch)
    {
        // Spans of one resource (test assembly) go together; a batch rarely holds more than one.
        var start = 0;
        while (start < batch.Count)
        {
            var resource = batch[start].Resource;
            var end = start;
            while (end < batch.Count && ReferenceEquals(batch[end].Resource, resource))
            {
                end++;
            }

            var spans = new SpanData[end - start];
            for (var i = start; i < end; i++)
            {
                spans[i - start] = batch[i].Span;
            }

            var result = Export(resource, spans);
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

    private ExportResult Export(IReadOnlyList<SpanAttribute> resource, SpanData[] spans)
    {
        using var firstContact = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        if (!answered)
        {
            firstContact.CancelAfter(options.FirstAnswerTimeout);
        }

        try
        {
            var result = exporter.ExportAsync(resource, spans, firstContact.Token).GetAwaiter().GetResult();
            if (!result.Succeeded && !answered && firstContact.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                return ExportResult.Failure(result.ExportedSpanCount, string.Create(CultureInfo.InvariantCulture,
                    $"OTLP export to {options.EndpointText} failed: no answer to the first request within {options.FirstAnswerTimeout.TotalSeconds:0.###} s ({result.ExportedSpanCount} of {spans.Length} spans sent)."));
            }

            return result;
        }
        catch (Exception e)
        {
            // Exporters report failures in their result; anything thrown is a bug, and the run goes on.
            return ExportResult.Failure(0, $"OTLP export to {options.EndpointText} failed: {ExportErrorText.Describe(e)}");
        }
    }

    private void Fail(string message)
    {
        lock (gate)
        {
            error ??= message;
            queue.Clear();
            Monitor.PulseAll(gate);
        }
    }
}
