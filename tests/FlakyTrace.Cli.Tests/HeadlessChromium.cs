using System.Diagnostics;

namespace FlakyTrace.Cli.Tests;

/// <summary>
/// Debian's <c>chromium</c> in headless mode, sandbox and background networking off, a fresh
/// profile per call. The tests need a real browser and fail, saying how to install it, without one.
/// </summary>
internal static class HeadlessChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Executable => Environment.GetEnvironmentVariable("FLAKYTRACE_CHROMIUM") ?? DefaultPath;

    public static void RequireInstalled() => Assert.True(
        File.Exists(Executable),
        $"Headless Chromium is required at {Executable} (override with FLAKYTRACE_CHROMIUM). Install it with: apt-get update && apt-get install -y chromium");

    /// <summary>Runs Chromium on <paramref name="url"/> with the extra arguments; returns standard output (the DOM for --dump-dom).</summary>
    public static string Run(string url, params string[] arguments)
    {
        RequireInstalled();
        var profile = Directory.CreateTempSubdirectory("flakytrace-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] common =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
                // Any request that leaves the page would fail: the report must need none.
                "--host-resolver-rules=MAP * ~NOTFOUND",
            ];
            foreach (var argument in common.Concat(arguments).Append(url))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within 120 s on {url}");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
