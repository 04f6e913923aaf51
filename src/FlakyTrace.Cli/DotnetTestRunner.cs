using System.Diagnostics;

namespace FlakyTrace.Cli;

/// <summary>
/// Runs <c>dotnet test --collect FlakyTrace --results-directory DIR ARGS</c> once, its output
/// going to <c>DIR/dotnet-test.log</c> so that N runs do not flood the terminal.
/// </summary>
internal sealed class DotnetTestRunner(string dotnet)
{
    public const string LogFileName = "dotnet-test.log";

    /// <summary>Runs one pass; returns the exit code, or null when the process could not be started.</summary>
    public int? Run(string resultsDirectory, IReadOnlyList<string> testArguments, bool noBuild, TextWriter error)
    {
        Directory.CreateDirectory(resultsDirectory);
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(resultsDirectory, testArguments, noBuild))
        {
            start.ArgumentList.Add(argument);
        }

        using var log = new StreamWriter(Path.Combine(resultsDirectory, LogFileName));
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

    internal static IEnumerable<string> Arguments(string resultsDirectory, IReadOnlyList<string> testArguments, bool noBuild)
    {
        yield return "test";
        yield return "--collect";
        yield return "FlakyTrace";
        yield return "--results-directory";
        yield return resultsDirectory;
        if (noBuild && !testArguments.Contains("--no-build"))
        {
            yield return "--no-build";
        }

        foreach (var argument in testArguments)
        {
            yield return argument;
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
