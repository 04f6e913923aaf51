using System.Diagnostics;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// A private .NET root with the .NET 8 runtime beside this machine's SDK, laid out by
/// eng/net8-runtime.sh from the registry's runtime packs (once; later calls find it cached under artifacts/).
/// </summary>
public static class Net8Runtime
{
    private static readonly Lazy<string> LaidOut = new(LayOut);

    /// <summary>The root folder; its <c>dotnet</c> host runs net8.0 test hosts on .NET 8.</summary>
    public static string Root => LaidOut.Value;

    public static string Host => Path.Combine(Root, "dotnet");

    private static string LayOut()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "eng", "net8-runtime.sh"));
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/net8-runtime.sh failed:\n{output}\n{errors.Result}");
        }

        return output.Trim().Split('\n')[^1];
    }
}
