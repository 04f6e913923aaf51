using System.Text.Json;
using System.Text;

namespace FlakyCollector.Vstest;

/// <summary>
/// What a test process tells vstest.console outside the test results, so that it survives the
/// process: which tests started and ended (a crash or vstest's hang timeout leaves the running test
/// without a result) and the collector's warnings after the last result. The test process appends
/// one flushed line per event to a file of its own in the <see cref="RecordingChannel"/> folder,
/// like vstest's blame collector keeps its sequence file; the logger reads it when the run ends.
/// </summary>
internal sealed class TestHostJournal : IDisposable
{
    public const string FileExtension = ".journal.jsonl";

    private readonly StreamWriter writer;
    private readonly object gate = new();

    private TestHostJournal(string path) =>
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), new UTF8Encoding(false));

    /// <summary>Opens this process's journal in the channel folder vstest.console named; null where there is none.</summary>
    public static TestHostJournal? Open(Func<string, string?> environment)
    {
        var folder = environment(RecordingChannel.FolderVariable);
        return string.IsNullOrEmpty(folder) || !Directory.Exists(folder)
            ? null
            : new TestHostJournal(Path.Combine(folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}{FileExtension}"));
    }

    public void Started(StartedTest test) => Append(w =>
    {
        w.WriteString("event", "start");
        w.WriteString("id", test.Id);
        w.WriteString("fqn", test.FullyQualifiedName);
        w.WriteString("name", test.DisplayName);
        w.WriteString("source", test.Source);
        w.WriteString("executor", test.ExecutorUri?.OriginalString);
        w.WriteNumber("start", test.StartTime.ToUnixTimeMilliseconds());
        w.WriteNumber("pid", test.ProcessId);
    });

    public void Ended(string id) => Append(w =>
    {
        w.WriteString("event", "end");
        w.WriteString("id", id);
    });

    public void Warning(string text) => Append(w =>
    {
        w.WriteString("event", "warning");
        w.WriteString("text", text);
    });

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }

    /// <summary>Reads every journal in <paramref name="folder"/>: the tests that started and never ended, and the warnings.</summary>
    public static TestHostJournalContents Read(string folder)
    {
        var unfinished = new Dictionary<string, StartedTest>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + FileExtension) : [];
        foreach (var path in files)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                try
                {
                    Apply(line, unfinished, warnings);
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

    private static void Apply(string line, Dictionary<string, StartedTest> unfinished, List<string> warnings)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
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

    private void Append(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (gate)
        {
            // Flushed to the operating system at once: a process that crashes next loses nothing.
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
