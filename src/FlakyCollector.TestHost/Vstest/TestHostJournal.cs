using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FlakyCollector.Vstest;

/// <summary>
/// What a test process tells vstest.console outside the test results, so that it survives the
/// process: which tests are running (a crash or vstest's hang timeout leaves the running test
/// without a result) and the collector's warnings after the last result. The running tests are
/// held in a <see cref="RunningTestTable"/>, memory the operating system keeps when the process
/// dies, so a test's start and end cost no system call; a warning, or a start too long for the
/// table, is appended as one flushed line to a file of its own in the <see cref="RecordingChannel"/>
/// folder. The logger reads both when the run ends.
/// </summary>
internal sealed class TestHostJournal : IDisposable
{
    public const string FileExtension = ".journal.jsonl";

    [ThreadStatic]
    private static EntryBuffer? entryBuffer;

    private readonly string linesPath;
    private readonly RunningTestTable running;
    private readonly HashSet<string> inLines = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private FileStream? lines;

    private TestHostJournal(string folder)
    {
        var name = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        linesPath = Path.Combine(folder, name + FileExtension);
        running = new RunningTestTable(Path.Combine(folder, name + RunningTestTable.FileExtension));
    }

    /// <summary>Opens this process's journal in the channel folder vstest.console named; null where there is none.</summary>
    public static TestHostJournal? Open(Func<string, string?> environment)
    {
        var folder = environment(RecordingChannel.FolderVariable);
        return string.IsNullOrEmpty(folder) || !Directory.Exists(folder) ? null : new TestHostJournal(folder);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Started(StartedTest test)
    {
        var buffer = entryBuffer ??= new EntryBuffer();
        var entry = buffer.Entry.Begin()
            .Encoded("\"event\":"u8, "\"start\""u8)
            .String("\"id\":"u8, test.Id)
            .String("\"fqn\":"u8, test.FullyQualifiedName)
            .String("\"name\":"u8, test.DisplayName)
            .Encoded("\"source\":"u8, buffer.Source.Of(test.Source))
            .Encoded("\"executor\":"u8, test.ExecutorUri is { } executor ? buffer.Executor.Of(executor.OriginalString) : "null"u8)
            .Number("\"start\":"u8, test.StartTime.ToUnixTimeMilliseconds())
            .Number("\"pid\":"u8, test.ProcessId)
            .End();
        if (running.TryHold(test.Id, entry))
        {
            return;
        }

        lock (gate)
        {
            inLines.Add(test.Id);
        }

        AppendLine(entry);
    }

    public void Ended(string id)
    {
        if (running.Release(id))
        {
            return;
        }

        lock (gate)
        {
            if (!inLines.Remove(id))
            {
                return;
            }
        }

        AppendLine((entryBuffer ??= new EntryBuffer()).Entry.Begin()
            .Encoded("\"event\":"u8, "\"end\""u8)
            .String("\"id\":"u8, id)
            .End());
    }

    public void Warning(string text) => AppendLine((entryBuffer ??= new EntryBuffer()).Entry.Begin()
        .Encoded("\"event\":"u8, "\"warning\""u8)
        .String("\"text\":"u8, text)
        .End());

    public void Dispose()
    {
        running.Dispose();
        lock (gate)
        {
            lines?.Dispose();
        }
    }

    /// <summary>Reads every journal in <paramref name="folder"/>: the tests that started and never ended, and the warnings.</summary>
    public static TestHostJournalContents Read(string folder)
    {
        var unfinished = new Dictionary<string, StartedTest>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + RunningTestTable.FileExtension) : [])
        {
            foreach (var entry in RunningTestTable.Read(path))
            {
                try
                {
                    using var document = JsonDocument.Parse(entry);
                    Apply(document.RootElement, unfinished, warnings);
                }
                catch (JsonException)
                {
                    // A slot its test process was rewriting as it was read (or as it crashed): that test only.
                }
            }
        }

        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + FileExtension) : [];
        foreach (var path in files)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    Apply(document.RootElement, unfinished, warnings);
                }
                catch (JsonException)
                {
                    // The last line of a process that died while writing it.
                }
            }
        }

        return new TestHostJournalContents(WithoutHookDuplicates(unfinished.Values).OrderBy(t => t.StartTime).ToList(), warnings);
    }

    // A hook's entry names the same test as vstest's entry for it, when vstest's start came in time.
    private static IEnumerable<StartedTest> WithoutHookDuplicates(IEnumerable<StartedTest> unfinished)
    {
        var all = unfinished.ToList();
        var fromVstest = all.Where(t => !t.Id.StartsWith(HookActivityJournal.IdPrefix, StringComparison.Ordinal)).ToList();
        var named = fromVstest.SelectMany(t => new[] { t.FullyQualifiedName, ClassOf(t.FullyQualifiedName) + "." + t.DisplayName }).ToHashSet(StringComparer.Ordinal);
        return fromVstest.Concat(all.Where(t => t.Id.StartsWith(HookActivityJournal.IdPrefix, StringComparison.Ordinal) && !named.Contains(t.FullyQualifiedName)));
    }

    private static string ClassOf(string fullyQualifiedName)
    {
        var withoutArguments = fullyQualifiedName.Split('(')[0];
        var method = withoutArguments.LastIndexOf('.');
        return method > 0 ? withoutArguments[..method] : withoutArguments;
    }

    private static void Apply(JsonElement root, Dictionary<string, StartedTest> unfinished, List<string> warnings)
    {
        switch (root.GetProperty("event").GetString())
        {
            case "start":
                var executor = root.GetProperty("executor").GetString();
                var test = new StartedTest(
                    root.GetProperty("id").GetString()!,
                    root.GetProperty("fqn").GetString()!,
                    root.GetProperty("name").GetString()!,
                    root.GetProperty("source").GetString()!,
                    executor is null ? null : new Uri(executor, UriKind.RelativeOrAbsolute),
                    DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("start").GetInt64()),
                    root.GetProperty("pid").GetInt32());
                unfinished[test.Id] = test;
                break;
            case "end":
                unfinished.Remove(root.GetProperty("id").GetString()!);
                break;
            case "warning":
                warnings.Add(root.GetProperty("text").GetString()!);
                break;
        }
    }

    private void AppendLine(ArraySegment<byte> entry)
    {
        lock (gate)
        {
            // Unbuffered: each line reaches the operating system at once, so a process that crashes next loses nothing.
            lines ??= new FileStream(linesPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            lines.Write(entry);
            lines.Write("\n"u8);
        }
    }

    /// <summary>What each thread reuses: a test's start allocates nothing here.</summary>
    private sealed class EntryBuffer
    {
        public JournalEntry Entry { get; } = new();

        /// <summary>The test assembly's path, the same for every test the thread starts in a process that runs one assembly.</summary>
        public EncodedOnce Source { get; } = new();

        public EncodedOnce Executor { get; } = new();
    }

    /// <summary>A value most entries repeat, encoded again only when it changes.</summary>
    private sealed class EncodedOnce
    {
        private string? last;
        private byte[] encoded = [];

        public byte[] Of(string value)
        {
            if (!string.Equals(value, last, StringComparison.Ordinal))
            {
                encoded = JournalEntry.Quoted(value);
                last = value;
            }

            return encoded;
        }
    }
}
