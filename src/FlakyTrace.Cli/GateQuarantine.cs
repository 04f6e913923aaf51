using FlakyCollector.Analysis.Gate;

namespace FlakyTrace.Cli;

/// <summary>Reads <c>--quarantine</c>, turning a missing or malformed file into one line and an exit code.</summary>
internal static class GateQuarantine
{
    public static bool TryRead(FileInfo? file, TextWriter error, out IReadOnlyList<QuarantineEntry> entries, out int exitCode)
    {
        entries = [];
        exitCode = ExitCodes.Success;
        if (file is null)
        {
            return true;
        }

        if (!file.Exists)
        {
            error.WriteLine($"flakytrace: no quarantine file at {file.FullName}.");
            exitCode = ExitCodes.UsageError;
            return false;
        }

        try
        {
            entries = QuarantineFile.Read(file.FullName);
            return true;
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"flakytrace: {ex.Message}");
            exitCode = ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"flakytrace: cannot read {file.FullName}: {ex.Message}");
            exitCode = ExitCodes.IoError;
        }

        return false;
    }
}
