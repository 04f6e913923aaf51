using System.IO.MemoryMappedFiles;

namespace RouteFloor;

/// <summary>
/// The two routes besides the result property that a test's recording could take from the testhost
/// to vstest.console, with nothing recorded: a record of the test case's id and the payload for every
/// test, appended to a file of the testhost's own in the folder <c>ROUTEFLOOR_LOG_DIR</c> names.
/// <c>file</c>: one write to the file per test, flushed, as the recording channel does.
/// <c>mapped</c>: copied into a memory-mapped file, no system call, its length published after the
/// bytes, as the crash journal's table does. A record: the id (16 bytes), the payload's length (4),
/// the payload (UTF-8). A mapped file starts with the length of its records (8 bytes).
/// </summary>
public abstract class RecordLog : IDisposable
{
    public const string FolderVariable = "ROUTEFLOOR_LOG_DIR";
    public const string RouteVariable = "ROUTEFLOOR_ROUTE";
    private const long MappedCapacity = 256L << 20;

    public static string? Route => Environment.GetEnvironmentVariable(RouteVariable) is ("file" or "mapped") and var route ? route : null;

    public static RecordLog? Open()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (Route is not { } route || string.IsNullOrEmpty(folder))
        {
            return null;
        }

        var path = Path.Combine(folder, $"{Environment.ProcessId}.{route}");
        return route == "file" ? new FileLog(path) : new MappedLog(path);
    }

    public abstract void Append(Guid id, string payload);

    public abstract void Dispose();

    /// <summary>vstest.console's side: keeps each log open, and reads the records appended since its last look.</summary>
    public sealed unsafe class Reader(string folder) : IDisposable
    {
        private readonly Dictionary<string, long> offsets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (FileStream File, MemoryMappedFile? Map, MemoryMappedViewAccessor? View)> open = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, string> read = [];

        /// <summary>The payload of <paramref name="id"/>, reading what was appended since the last look when it is not there yet; null where no log has it.</summary>
        public string? Take(Guid id)
        {
            if (!read.Remove(id, out var payload))
            {
                ReadNew(read);
                read.Remove(id, out payload);
            }

            return payload;
        }

        private void ReadNew(Dictionary<Guid, string> into)
        {
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var offset = offsets.GetValueOrDefault(path);
                if (!open.TryGetValue(path, out var log))
                {
                    var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    if (path.EndsWith(".mapped", StringComparison.Ordinal))
                    {
                        var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
                        log = (file, map, map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read));
                    }
                    else
                    {
                        log = (file, null, null);
                    }

                    open[path] = log;
                }

                offsets[path] = log.View is { } view ? ReadMapped(view, offset, into) : ReadFile(log.File, offset, into);
            }
        }

        public void Dispose()
        {
            foreach (var (file, map, view) in open.Values)
            {
                view?.Dispose();
                map?.Dispose();
                file.Dispose();
            }
        }

        private static long ReadFile(FileStream stream, long offset, Dictionary<Guid, string> into)
        {
            var bytes = new byte[stream.Length - offset];
            stream.Seek(offset, SeekOrigin.Begin);
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return offset + Records(bytes.AsSpan(0, read), into);
        }

        private static long ReadMapped(MemoryMappedViewAccessor view, long offset, Dictionary<Guid, string> into)
        {
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            try
            {
                var committed = Volatile.Read(ref *(long*)start);
                var from = Math.Max(offset, 8);
                return from + Records(new ReadOnlySpan<byte>(start + from, (int)(committed + 8 - from)), into);
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }
    }

    private static int Records(ReadOnlySpan<byte> bytes, Dictionary<Guid, string> into)
    {
        var at = 0;
        while (bytes.Length - at >= 20)
        {
            var length = BitConverter.ToInt32(bytes.Slice(at + 16, 4));
            if (bytes.Length - at - 20 < length)
            {
                break;
            }

            into[new Guid(bytes.Slice(at, 16))] = System.Text.Encoding.UTF8.GetString(bytes.Slice(at + 20, length));
            at += 20 + length;
        }

        return at;
    }

    private static int Encode(Span<byte> into, Guid id, string payload)
    {
        id.TryWriteBytes(into);
        var length = System.Text.Encoding.UTF8.GetBytes(payload, into[20..]);
        BitConverter.TryWriteBytes(into.Slice(16, 4), length);
        return 20 + length;
    }

    private sealed class FileLog(string path) : RecordLog
    {
        private readonly FileStream stream = new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
        private readonly byte[] buffer = new byte[64 * 1024];

        public override void Append(Guid id, string payload)
        {
            lock (stream)
            {
                stream.Write(buffer, 0, Encode(buffer, id, payload));
            }
        }

        public override void Dispose() => stream.Dispose();
    }

    private sealed unsafe class MappedLog : RecordLog
    {
        private readonly MemoryMappedFile map;
        private readonly MemoryMappedViewAccessor view;
        private readonly byte* start;
        private long length;

        public MappedLog(string path)
        {
            map = MemoryMappedFile.CreateFromFile(path, FileMode.CreateNew, null, MappedCapacity);
            view = map.CreateViewAccessor();
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            start = pointer;
        }

        public override void Append(Guid id, string payload)
        {
            lock (map)
            {
                if (length + 20 + payload.Length * 3 > MappedCapacity - 8)
                {
                    return;
                }

                length += Encode(new Span<byte>(start + 8 + length, (int)Math.Min(int.MaxValue, MappedCapacity - 8 - length)), id, payload);
                // The bytes first, then the length that makes them a record to the reader.
                Volatile.Write(ref *(long*)start, length);
            }
        }

        public override void Dispose()
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
        }
    }
}
