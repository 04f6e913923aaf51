using System.Diagnostics.CodeAnalysis;
using FlakyCollector.Analysis.History;

namespace FlakyTrace.Cli;

/// <summary>Reads and writes history files for the commands, turning every problem into one line and an exit code.</summary>
internal static class HistoryStore
{
    /// <summary>Reads <paramref name="path"/>; a missing file is an empty history when <paramref name="missingIsEmpty"/>.</summary>
    public static bool TryLoad(string path, bool missingIsEmpty, TextWriter error, [NotNullWhen(true)] out TestHistory? history, out int exitCode)
    {
        history = null;
        exitCode = ExitCodes.Success;
        if (!File.Exists(path))
        {
            if (Directory.Exists(path))
            {
                error.WriteLine($"flakytrace: {path} is a folder; name the history file.");
                exitCode = ExitCodes.UsageError;
                return false;
            }

            if (!missingIsEmpty)
            {
                error.WriteLine($"flakytrace: no history file at {path}.");
                exitCode = ExitCodes.UsageError;
                return false;
            }

            history = new TestHistory();
            return true;
        }

        try
        {
            history = HistoryFileReader.Read(path);
            return true;
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"flakytrace: {ex.Message}");
            exitCode = ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"flakytrace: cannot read {path}: {ex.Message}");
            exitCode = ExitCodes.IoError;
        }

        return false;
    }

    public static bool TrySave(TestHistory history, string path, TextWriter error)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            error.WriteLine($"flakytrace: cannot write {path}: the folder {folder} does not exist.");
            return false;
        }

        try
        {
            HistoryFileWriter.Write(history, path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"flakytrace: cannot write {path}: {ex.Message}");
            return false;
        }
    }

    public static string Describe(TestHistory history, string path)
    {
        var size = File.Exists(path) ? new FileInfo(path).Length : 0;
        return $"{path}: {history.RunCount} runs ({history.DetailedRunCount} in detail), {history.TestCount} tests, {size:N0} bytes";
    }
}
