using System.Diagnostics;
using System.Text;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the dotnet CLI as a user would, with a hard time limit so no test can hang CI. Every
/// command of one test run restores into the same private packages folder: another job on the
/// machine that clears or refills the shared NuGet cache cannot pull files from under these runs.
/// </summary>
public static class DotnetCommand
{
    /// <summary>The NUGET_PACKAGES of every inner command of this test run; <see cref="PackageFeed"/> deletes it at the end.</summary>
    public static string PackagesFolder { get; } = Path.Combine(
        Path.GetTempPath(), $"flakytrace-nuget-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}");

    public static ProcessResult Run(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
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

        // The outer `dotnet test` that runs these tests must not leak its settings into the inner one.
        foreach (var name in start.Environment.Keys.Where(IsOuterRunSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = PackagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in time. Output so far:\n{output}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString(), stopwatch.Elapsed);
    }

    /// <summary>
    /// Variables of the run that runs these tests, not of the run a test starts: OpenTelemetry's,
    /// vstest's own (VSTEST_*), the MSBuild properties of the VSTest target (VSTestSetting,
    /// VSTestLogger, ... read from the environment), and FlakyTrace's (CI traces this suite with
    /// its own logger, which names a recording channel in FLAKYTRACE_RECORDING_CHANNEL).
    /// </summary>
    public static bool IsOuterRunSetting(string name) =>
        name.StartsWith("OTEL_", StringComparison.Ordinal)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("FLAKYTRACE_", StringComparison.OrdinalIgnoreCase)
        || name == "MSBUILDNOINPROCNODE";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
