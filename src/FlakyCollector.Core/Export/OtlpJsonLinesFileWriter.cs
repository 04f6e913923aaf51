using System.Buffers;
using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Appends spans to an OTLP/JSON Lines file (<c>*.otlp.jsonl</c>): one <c>TracesData</c> object per
/// line, the format of the OpenTelemetry Collector's file exporter. Thread-safe. By default every
/// line reaches the operating system before <see cref="Append"/> returns, so a killed process loses
/// at most a line it was writing: what a process that runs tests, and may crash, needs. A writer
/// with a write-behind (vstest.console's, where no test runs) gathers the lines of the results that
/// arrive within it and writes them together: one system call for many tests, and a killed
/// process loses at most the lines of that last interval.
/// </summary>
internal sealed class OtlpJsonLinesFileWriter : IDisposable
{
    /// <summary>The extension files of this format get.</summary>
    public const string FileExtension = ".otlp.jsonl";

    /// <summary>Spans per line unless the constructor is told otherwise, as in an OTLP export batch.</summary>
    public const int DefaultMaxSpansPerLine = 512;

    /// <summary>With a write-behind, lines waiting beyond this many bytes are written at once.</summary>
    public const int MaxPendingBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? cachedBuffer;

    private readonly object gate = new();
    private volatile EncodedResource? lastResource;
    private readonly int maxSpansPerLine;
    private readonly TimeSpan writeBehind;
    private readonly ArrayBufferWriter<byte>? pending;
    private FileStream? stream;
    private Timer? flushTimer;
    private bool flushArmed;
    private Exception? failedWrite;
    private bool disposed;

    /// <summary>
    /// Prepares a writer. Nothing touches the disk until the first <see cref="Append"/>, so a run
    /// without spans leaves no empty file behind.
    /// </summary>
    /// <param name="writeBehind">How long a line may wait to be written with those after it; zero writes each at once.</param>
    public OtlpJsonLinesFileWriter(string path, int maxSpansPerLine = DefaultMaxSpansPerLine, TimeSpan writeBehind = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSpansPerLine, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(writeBehind, TimeSpan.Zero);
        Path = System.IO.Path.GetFullPath(path);
        this.maxSpansPerLine = maxSpansPerLine;
        this.writeBehind = writeBehind;
        pending = writeBehind > TimeSpan.Zero ? new ArrayBufferWriter<byte>(MaxPendingBytes) : null;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>Lines written so far.</summary>
    public long LineCount { get; private set; }

    /// <summary>
    /// Appends the spans (one line per <c>maxSpansPerLine</c> spans; nothing for none), creating
    /// the directory and file on first use. I/O failures surface as exceptions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return;
        }

        // Encode outside the lock: threads only queue for the short write itself. The resource is
        // the same for every line of a test assembly, so its JSON is made once.
        var encodedResource = Encoded(resource);
        var buffer = cachedBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var lines = 0;
        for (var start = 0; start < spans.Count; start += maxSpansPerLine)
        {
            OtlpJsonEncoder.Write(buffer, encodedResource, ReadOnlyListSlice<SpanData>.Of(spans, start, maxSpansPerLine));
            buffer.Write("\n"u8);
            lines++;
        }

        WriteLines(buffer.WrittenSpan, lines);
        if (buffer.Capacity > 1 << 20)
        {
            cachedBuffer = null; // do not keep an unusually large line's buffer for the whole run
        }
    }

    /// <summary>Appends log records as one <c>LogsData</c> line (nothing for none).</summary>
    internal void AppendLogs(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        OtlpJsonLogEncoder.Write(buffer, Encoded(resource), records);
        buffer.Write("\n"u8);
        WriteLines(buffer.WrittenSpan, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteLines(ReadOnlySpan<byte> lines, int count)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            ThrowIfAWriteBehindFailed();
            if (pending is null)
            {
                WriteToFile(lines);
            }
            else
            {
                pending.Write(lines);
                if (pending.WrittenCount >= MaxPendingBytes)
                {
                    WritePending();
                }
                else if (!flushArmed)
                {
                    flushArmed = true;
                    (flushTimer ??= new Timer(_ => FlushPending())).Change(writeBehind, Timeout.InfiniteTimeSpan);
                }
            }

            LineCount += count;
        }
    }

    // Under the gate.
    private void WriteToFile(ReadOnlySpan<byte> bytes)
    {
        var file = stream ??= Open(Path);
        file.Write(bytes);
        file.Flush();
    }

    // Under the gate.
    private void WritePending()
    {
        if (pending is { WrittenCount: > 0 })
        {
            try
            {
                WriteToFile(pending.WrittenSpan);
            }
            finally
            {
                pending.ResetWrittenCount(); // what could not be written is not tried again line by line
            }
        }
    }

    private void FlushPending()
    {
        lock (gate)
        {
            flushArmed = false;
            try
            {
                if (!disposed)
                {
                    WritePending();
                }
            }
            catch (Exception ex)
            {
                // On a timer's thread nothing may be thrown: the next Append, or Dispose, reports it.
                failedWrite ??= ex;
            }
        }
    }

    private void ThrowIfAWriteBehindFailed()
    {
        if (failedWrite is { } failure)
        {
            failedWrite = null;
            throw new IOException($"writing {Path} failed: {failure.Message}", failure);
        }
    }

    private byte[]? Encoded(IReadOnlyList<SpanAttribute> resource)
    {
        if (resource.Count == 0)
        {
            return null;
        }

        var cached = lastResource;
        if (cached is not null && ReferenceEquals(cached.Attributes, resource))
        {
            return cached.Json;
        }

        var encoded = new EncodedResource(resource, OtlpJsonEncoder.EncodeResource(resource));
        lastResource = encoded;
        return encoded.Json;
    }

    /// <summary>Writes what waits and closes the file; a failure to write is thrown here, once.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            flushTimer?.Dispose();
            try
            {
                WritePending();
                ThrowIfAWriteBehindFailed();
            }
            finally
            {
                stream?.Dispose();
                stream = null;
            }
        }
    }

    private static FileStream Open(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // No user-space buffer: each Write is one system call, and readers (the CLI, a tail -f)
        // may open the file while the run is still writing it.
        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        });
    }
}
