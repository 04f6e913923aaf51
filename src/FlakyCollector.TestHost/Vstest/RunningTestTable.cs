using System.IO.MemoryMappedFiles;

namespace FlakyCollector.Vstest;

/// <summary>
/// The tests a test process is running right now, in a file it maps into memory: each test holds
/// a slot from its start to its end. A write is a copy into memory, no system call, and what is
/// in the mapped pages survives the process: the operating system owns them, so a crash or a kill
/// leaves exactly the tests that were running. A slot is <c>[int32 length][UTF-8 entry]</c>; the
/// length is written last, so a reader never sees half an entry as whole. Only the first slots
/// ever in use are touched, so the file takes as much disk as the most tests that ran at once.
/// The view's address is taken once: a start and an end are a copy and a store, no handle count.
/// </summary>
internal sealed unsafe class RunningTestTable : IDisposable
{
    public const string FileExtension = ".running";

    /// <summary>Bytes of a slot, its length included: a start entry with long names and a long path fits.</summary>
    public const int SlotSize = 2048;

    /// <summary>Slots of a table: tests at once in one process, vstest's and the hooks' entries counted apart.</summary>
    public const int SlotCount = 1024;

    private const int MaxEntry = SlotSize - sizeof(int);

    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* slots;
    private readonly Dictionary<string, int> slotOf = new(StringComparer.Ordinal);
    private readonly Stack<int> free = new();
    private readonly object gate = new();
    private int unused;
    private bool disposed;

    public RunningTestTable(string path)
    {
        file = MemoryMappedFile.CreateFromFile(path, FileMode.CreateNew, mapName: null, (long)SlotSize * SlotCount, MemoryMappedFileAccess.ReadWrite);
        view = file.CreateViewAccessor();
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref slots);
        slots += view.PointerOffset;
    }

    /// <summary>
    /// Holds a slot for <paramref name="id"/> with its entry. False where the entry is longer than a
    /// slot or every slot is taken: the caller keeps that one another way.
    /// </summary>
    public bool TryHold(string id, ArraySegment<byte> entry)
    {
        if (entry.Count > MaxEntry)
        {
            return false;
        }

        lock (gate)
        {
            if (disposed)
            {
                return false;
            }

            int slot;
            if (slotOf.TryGetValue(id, out var held))
            {
                slot = held; // a second start of the same id replaces its entry
            }
            else if (free.Count > 0)
            {
                slot = free.Pop();
            }
            else if (unused < SlotCount)
            {
                slot = unused++;
            }
            else
            {
                return false;
            }

            var at = slots + ((long)slot * SlotSize);
            Volatile.Write(ref *(int*)at, 0);
            entry.AsSpan().CopyTo(new Span<byte>(at + sizeof(int), MaxEntry));
            Volatile.Write(ref *(int*)at, entry.Count);
            slotOf[id] = slot;
            return true;
        }
    }

    /// <summary>Frees the slot of <paramref name="id"/>; false where it holds none.</summary>
    public bool Release(string id)
    {
        lock (gate)
        {
            if (disposed || !slotOf.Remove(id, out var slot))
            {
                return false;
            }

            Volatile.Write(ref *(int*)(slots + ((long)slot * SlotSize)), 0);
            free.Push(slot);
            return true;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file.Dispose();
        }
    }

    /// <summary>The entries of the slots held in the table at <paramref name="path"/>, whether its process is alive, ended or dead.</summary>
    public static IReadOnlyList<byte[]> Read(string path)
    {
        var entries = new List<byte[]>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var slot = new byte[SlotSize];
        while (stream.ReadAtLeast(slot, SlotSize, throwOnEndOfStream: false) == SlotSize)
        {
            var length = BitConverter.ToInt32(slot, 0);
            if (length is > 0 and <= MaxEntry)
            {
                entries.Add(slot.AsSpan(sizeof(int), length).ToArray());
            }
        }

        return entries;
    }
}
