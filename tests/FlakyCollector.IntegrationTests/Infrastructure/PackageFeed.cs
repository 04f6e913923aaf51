namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// The FlakyCollector package, packed once per test run into a temporary folder feed. Each run
/// gets its own prerelease version, so a stale copy in the NuGet cache can never be tested, and
/// restores into a packages folder of its own (<see cref="DotnetCommand.PackagesFolder"/>). The pack
/// builds into a folder of its own too: restored into that private folder, the repository's own
/// obj/ would send the solution's builds still running beside these tests (`dotnet test
/// FlakyCollector.sln` builds and tests its projects in parallel) to packages that are still being
/// extracted, or already deleted (NETSDK1064).
/// </summary>
public sealed class PackageFeed : IDisposable
{
    private readonly string build;

    public PackageFeed()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("flakytrace-feed-").FullName;
        build = System.IO.Directory.CreateTempSubdirectory("flakytrace-feed-build-").FullName;
        Version = $"0.2.0-it.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var result = DotnetCommand.Run(RepositoryPaths.Root,
            ["pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", Directory, "--artifacts-path", build, $"-p:Version={Version}"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed:\n{result.Output}");
        }
    }

    public string Directory { get; }

    public string Version { get; }

    public void Dispose()
    {
        foreach (var folder in new[] { Directory, build, DotnetCommand.PackagesFolder })
        {
            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
