using System.Text;

namespace FlakyCollector.Metadata;

// Reads the small text files of a .git folder, sharing them with a git process writing at the same time.
internal static class GitFiles
{
    // HEAD, ref files, commondir and .git files are a line long; a config file is a few kilobytes. Anything
    // past the limit is not a file git wrote, and reading it would only slow the test run down.
    private const int SmallFileLimit = 64 * 1024;

    // The file's text, or null when it is missing, unreadable or larger than 64 KiB.
    public static string? ReadSmall(string path)
    {
        try
        {
            using var stream = Open(path);
            if (stream.Length > SmallFileLimit)
            {
                return null;
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    // The file's lines, read lazily: packed-refs can be megabytes in old, busy repositories.
    public static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(Open(path), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    public static string? FirstLine(string? text)
    {
        var line = text?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(line) ? null : line;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096);
}
