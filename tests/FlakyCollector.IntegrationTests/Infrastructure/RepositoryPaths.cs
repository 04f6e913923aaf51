namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>Finds the repository this test assembly was built from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "tests", "samples");

    public static string PackageProject => Path.Combine(Root, "src", "FlakyCollector.Package", "FlakyCollector.Package.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FlakyCollector.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"FlakyCollector.sln not found above {AppContext.BaseDirectory}");
    }
}
