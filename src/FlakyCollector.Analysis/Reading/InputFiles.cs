namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Turns the paths a user gave into the files to read: files as given (any name, so the
/// OpenTelemetry Collector's file exporter output can be named directly), directories searched
/// recursively for <c>*.jsonl</c> (which includes <c>*.otlp.jsonl</c>) and <c>*.otlp.json</c>,
/// leaving out flakytrace histories (JSON Lines too, but not traces).
/// </summary>
internal static class InputFiles
{
    private static readonly string[] DirectoryPatterns = ["*.jsonl", "*.otlp.json"];

    /// <exception cref="InvalidDataException">A file given by name is not JSON (a TRX, gzip, binary, ...).</exception>
    public static List<string> Resolve(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                InputFileKind.RequireJson(path);
                Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                var found = DirectoryPatterns
                    .SelectMany(pattern => Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories))
                    .Select(Path.GetFullPath)
                    .Where(file => !History.HistoryFileReader.IsHistory(file))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    Add(file);
                }
            }
            else
            {
                throw new FileNotFoundException($"No such file or directory: {path}", path);
            }
        }

        return files;

        void Add(string file)
        {
            if (seen.Add(file))
            {
                files.Add(file);
            }
        }
    }
}
