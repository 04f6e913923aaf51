using System.Diagnostics;

namespace FlakyTrace.Cli;

/// <summary>Runs one <c>dotnet test</c> command, its output going to <see cref="DotnetTestLog"/> in the run's results directory.</summary>
internal sealed class DotnetTestRunner(string dotnet)
{
    /// <summary>Runs one pass; returns the exit code, or null when the process could not be started.</summary>
    public int? Run(string workingDirectory, string resultsDirectory, IReadOnlyList<string> arguments, TextWriter error)
    {
        Directory.CreateDirectory(resultsDirectory);
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var log = new StreamWriter(DotnetTestLog.PathIn(resultsDirectory));
        try
        {
            using var process = new Process { StartInfo = start };
            var gate = new object();
            process.OutputDataReceived += (_, e) => Append(log, gate, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, gate, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            error.WriteLine($"flakytrace: cannot start '{dotnet}': {ex.Message}");
            return null;
        }
    }

    private static void Append(StreamWriter log, object gate, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            log.WriteLine(line);
        }
    }
}
