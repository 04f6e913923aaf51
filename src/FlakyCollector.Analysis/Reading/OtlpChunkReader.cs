using System.Buffers;
using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Reads the lines of one <see cref="InputChunk"/> through a reused buffer and feeds their spans to
/// an aggregator; a file is never held in memory, only the line being parsed.
/// </summary>
internal sealed class OtlpChunkReader(OtlpLineParser parser, TraceAggregator aggregator)
{
    private const int InitialBuffer = 1 << 20;

    public ChunkResult Read(InputChunk chunk)
    {
        var result = new ChunkResult(chunk);
        parser.FallbackRunId = "file:" + Path.GetFileName(chunk.Path);
        using var handle = File.OpenHandle(chunk.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            // From one byte early: the newline ending the previous chunk's last line marks our first line.
            var bufferOffset = chunk.Start > 0 ? chunk.Start - 1 : 0;
            var skipping = chunk.Start > 0;
            int filled = 0, start = 0;
            var eof = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    Refill(handle, ref buffer, ref bufferOffset, ref start, ref filled, ref eof);
                    continue;
                }

                if (skipping)
                {
                    if (newline < 0)
                    {
                        break;
                    }

                    start += newline + 1;
                    skipping = false;
                    continue;
                }

                var length = newline < 0 ? filled - start : newline;
                if (bufferOffset + start >= chunk.End || (newline < 0 && length == 0))
                {
                    break;
                }

                result.Lines++;
                ReadLine(buffer, start, length, result);
                if (newline < 0)
                {
                    break;
                }

                start += newline + 1;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return result;
    }

    private static void Refill(Microsoft.Win32.SafeHandles.SafeFileHandle handle, ref byte[] buffer, ref long bufferOffset, ref int start, ref int filled, ref bool eof)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            bufferOffset += start;
            filled -= start;
            start = 0;
        }

        if (filled == buffer.Length)
        {
            // A line longer than the buffer: grow it rather than fail.
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, filled);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = RandomAccess.Read(handle, buffer.AsSpan(filled), bufferOffset + filled);
        if (read == 0)
        {
            eof = true;
        }

        filled += read;
    }

    private void ReadLine(byte[] buffer, int start, int length, ChunkResult result)
    {
        length = buffer.AsSpan(start, length).TrimEnd("\r\t "u8).Length;
        if (length == 0)
        {
            return;
        }

        if (OtlpLogLineReader.IsLogsLine(buffer.AsSpan(start, length)))
        {
            ReadLogs(buffer, start, length, result);
            return;
        }

        if (!parser.TryParse(buffer, start, length, out var error))
        {
            result.MalformedCount++;
            if (result.Malformed.Count < InputSummary.MaxMalformedListed)
            {
                result.Malformed.Add((result.Lines, error));
            }

            return;
        }

        for (var i = 0; i < parser.Count; i++)
        {
            aggregator.Add(parser[i]);
        }
    }

    private void ReadLogs(byte[] buffer, int start, int length, ChunkResult result)
    {
        try
        {
            foreach (var (traceId, mark) in OtlpLogLineReader.Read(buffer.AsMemory(start, length)))
            {
                aggregator.AddLog(traceId, mark);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            result.MalformedCount++;
            if (result.Malformed.Count < InputSummary.MaxMalformedListed)
            {
                result.Malformed.Add((result.Lines, ex.Message));
            }
        }
    }
}
