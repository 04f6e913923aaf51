namespace FlakyTrace.Cli;

/// <summary>
/// A file the user asked a report to be written to. Checked before any input is read, so a
/// mistyped folder costs no analysis, and written with every I/O failure turned into one line.
/// </summary>
internal sealed class OutputFile(FileInfo file)
{
    public string FullName => file.FullName;

    /// <summary>Says, in one line, why the file cannot be written; null when it can be tried.</summary>
    public string? Problem()
    {
        if (Directory.Exists(file.FullName))
        {
            return $"flakytrace: cannot write {file.FullName}: it is a folder; name a file.";
        }

        var folder = file.DirectoryName;
        return folder is not null && !Directory.Exists(folder)
            ? $"flakytrace: cannot write {file.FullName}: the folder {folder} does not exist."
            : null;
    }

    /// <summary>Writes the file; on failure prints one line and returns false.</summary>
    public bool TryWrite(Action<TextWriter> write, TextWriter error)
    {
        if (Problem() is { } problem)
        {
            error.WriteLine(problem);
            return false;
        }

        try
        {
            using var writer = new StreamWriter(file.FullName);
            write(writer);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            error.WriteLine($"flakytrace: cannot write {file.FullName}: permission denied.");
        }
        catch (IOException ex)
        {
            error.WriteLine($"flakytrace: cannot write {file.FullName}: {ex.Message}");
        }

        return false;
    }
}
