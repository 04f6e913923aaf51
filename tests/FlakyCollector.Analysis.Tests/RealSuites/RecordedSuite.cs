using System.IO.Compression;
using System.Text.Json;

namespace FlakyCollector.Analysis.Tests.RealSuites;

/// <summary>
/// One reference suite's recorded real runs (tests/samples/RealFlaky*, recorded by
/// eng/record-real-traces.sh) and its answer key. The runs are kept gzipped in the repository;
/// <see cref="Extract"/> writes a label's runs out as plain <c>.otlp.jsonl</c> files, as
/// <c>dotnet test</c> wrote them, into a temporary folder the analysis can read.
/// </summary>
internal sealed class RecordedSuite
{
    private RecordedSuite(string name, string directory, JsonElement key)
    {
        Name = name;
        Directory = directory;
        Key = key;
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The answer key: <c>tests</c> (test name to designed cause) and <c>observed</c> (per label).</summary>
    public JsonElement Key { get; }

    public static string Root { get; } = FindRoot();

    /// <summary>Every suite that has an answer key.</summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateDirectories(Root)
            .Where(d => File.Exists(Path.Combine(d, "answer-key.json")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal);

    public static RecordedSuite Load(string name)
    {
        var directory = Path.Combine(Root, name);
        using var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "answer-key.json")));
        return new RecordedSuite(name, directory, key.RootElement.Clone());
    }

    public IEnumerable<string> Labels() =>
        System.IO.Directory.EnumerateDirectories(Directory).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public IReadOnlyList<string> Runs(string label) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, label), "*.otlp.jsonl.gz").Order(StringComparer.Ordinal).ToList();

    /// <summary>The designed cause of a test (race, timing, external, order, contention, fixture-cluster, broken, stable).</summary>
    public string Cause(string test) => Key.GetProperty("tests").GetProperty(test).GetProperty("cause").GetString()!;

    /// <summary>Writes the runs of <paramref name="label"/> into <paramref name="target"/>, decompressed.</summary>
    public void Extract(string label, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var run in Runs(label))
        {
            using var compressed = File.OpenRead(run);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var plain = File.Create(Path.Combine(target, Path.GetFileNameWithoutExtension(run)));
            gzip.CopyTo(plain);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "FlakyCollector.Analysis.Tests", "Recorded");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/FlakyCollector.Analysis.Tests/Recorded was not found above " + AppContext.BaseDirectory);
    }
}
