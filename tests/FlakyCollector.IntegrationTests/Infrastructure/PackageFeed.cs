namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// The FlakyCollector package, packed once per test run into a temporary folder feed. Each run
/// gets its own prerelease version, so a stale copy in the NuGet cache can never be tested, and
/// restores into a packages folder of its own (<see cref="DotnetCommand.PackagesFolder"/>).
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("flakytrace-feed-").FullName;
        Version = $"0.2.0-it.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var result = DotnetCommand.Run(RepositoryPaths.Root,
            ["pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", Directory, $"-p:Version={Version}"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed:\n{result.Output}");
        }
    }

    public string Directory { get; }

    public string Version { get; }

    public void Dispose()
    {
        foreach (var folder in new[] { Directory, DotnetCommand.PackagesFolder })
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
