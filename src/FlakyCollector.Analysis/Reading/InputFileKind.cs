using System.Text;
using System.Text.Unicode;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// What a file named on the command line is, judged from its first bytes. A TRX, a gzip archive
/// or a log is refused once, by name, saying what is expected, instead of yielding one parse
/// error per line. A file where any line in the first bytes starts as JSON is let through: the
/// parser reports its bad lines one by one.
/// </summary>
internal static class InputFileKind
{
    private const int SniffBytes = 4096;

    private const string Expected = "flakytrace reads OTLP/JSON Lines (*.otlp.jsonl), such as the files FlakyCollector writes under TestResults/flakytrace/";

    private static ReadOnlySpan<byte> Gzip => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <exception cref="InvalidDataException">The file cannot be OTLP/JSON; the message says what it is.</exception>
    public static void RequireJson(string path)
    {
        var head = new byte[SniffBytes];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (Describe(head.AsSpan(0, length)) is { } kind)
        {
            throw new InvalidDataException($"{path}: this is {kind}; {Expected}.");
        }
    }

    /// <returns>Null when the bytes may be JSON (or there are none); else what they are, with advice.</returns>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return null;
        }

        if (head.StartsWith(Gzip))
        {
            return "a gzip-compressed file (decompress it first, e.g. with gunzip)";
        }

        if (head.StartsWith(Zip))
        {
            return "a zip archive (extract it and give the folder)";
        }

        if (head.StartsWith(ByteOrderMark))
        {
            head = head[3..];
        }

        if (head.Contains((byte)0) || !Utf8.IsValid(TrimIncompleteCharacter(head)))
        {
            return "a binary file";
        }

        var text = Encoding.UTF8.GetString(TrimIncompleteCharacter(head));
        var lines = text.Split('\n').Select(line => line.TrimStart()).Where(line => line.Length > 0).ToList();
        if (lines.Count == 0 || lines.Any(line => line[0] is '{' or '['))
        {
            return null;
        }

        if (lines[0][0] == '<')
        {
            return text.Contains("<TestRun", StringComparison.Ordinal) ? "a TRX file (XML test results)"
                : text.Contains("<html", StringComparison.OrdinalIgnoreCase) ? "an HTML file"
                : "an XML file";
        }

        var first = lines[0].TrimEnd();
        return $"a text file that is not JSON (it starts \"{(first.Length > 40 ? first[..40] + "..." : first)}\")";
    }

    // A multi-byte character cut by the sniff window is not a sign of binary data.
    private static ReadOnlySpan<byte> TrimIncompleteCharacter(ReadOnlySpan<byte> bytes)
    {
        for (var cut = 0; cut < 4 && cut < bytes.Length; cut++)
        {
            if (Utf8.IsValid(bytes[..^cut]))
            {
                return bytes[..^cut];
            }
        }

        return bytes;
    }
}
