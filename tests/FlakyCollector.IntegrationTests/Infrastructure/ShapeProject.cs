using System.Security;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// A copy of one project-shape sample (tests/samples/Shapes/NAME, a standalone user project) in a
/// temporary folder, restored into a NuGet packages folder of its own so the packed package never
/// reaches the machine's cache. The package is added only when asked, so the same copy first runs
/// as the user's project did before.
/// </summary>
public sealed class ShapeProject : IDisposable
{
    private readonly PackageFeed feed;
    private readonly string temporaryFolder;
    private readonly Dictionary<string, string?> environment;

    private ShapeProject(PackageFeed feed, string temporaryFolder, string root, string directory)
    {
        this.feed = feed;
        this.temporaryFolder = temporaryFolder;
        Root = root;
        Directory = directory;
        environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
    }

    /// <summary>The temporary folder that holds the copy, its nuget.config and its packages folder.</summary>
    public string Root { get; }

    /// <summary>The project's folder.</summary>
    public string Directory { get; }

    /// <param name="shapeName">The sample's folder under tests/samples/Shapes.</param>
    /// <param name="feed">The packed package.</param>
    /// <param name="under">Folders between the temporary root and the project, e.g. a name with spaces and '&amp;'.</param>
    public static ShapeProject Create(string shapeName, PackageFeed feed, string under = "")
    {
        var temporaryFolder = System.IO.Directory.CreateTempSubdirectory("flakytrace-shape-").FullName;
        var root = System.IO.Directory.CreateDirectory(Path.Combine(temporaryFolder, under)).FullName;
        File.WriteAllText(Path.Combine(root, "nuget.config"),
            $"""<configuration><packageSources><add key="flakycollector-feed" value="{SecurityElement.Escape(feed.Directory)}" /></packageSources></configuration>""");
        var project = new ShapeProject(feed, temporaryFolder, root, Path.Combine(root, shapeName));
        Copy(Path.Combine(RepositoryPaths.Samples, "Shapes", shapeName), project.Directory);
        return project;
    }

    /// <summary>Sets an environment variable for every later command.</summary>
    public void SetEnvironment(string name, string? value) => environment[name] = value;

    /// <summary>`dotnet add package FlakyCollector`, exactly as a user adds it.</summary>
    public void AddPackage()
    {
        var added = Dotnet(["add", "package", "FlakyCollector", "--version", feed.Version]);
        if (added.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet add package failed:\n{added.Output}");
        }
    }

    public ProcessResult Dotnet(IEnumerable<string> arguments) => DotnetCommand.Run(Directory, arguments, environment);

    /// <summary>Runs `dotnet test` with a TRX logger into a fresh results directory.</summary>
    public SampleRun Test(IEnumerable<string> arguments)
    {
        var results = Path.Combine(Root, "results", Guid.NewGuid().ToString("N")[..8]);
        return new SampleRun(Dotnet(["test", "--logger", "trx", "--results-directory", results, .. arguments]), results);
    }

    /// <summary>The built test assembly whose path holds <paramref name="folder"/> (e.g. "/net48/").</summary>
    public string Assembly(string folder) =>
        System.IO.Directory.GetFiles(Directory, Path.GetFileName(Directory) + ".dll", SearchOption.AllDirectories)
            .Single(p => p.Contains(folder, StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(temporaryFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj" or "artifacts" or "TestResults"))
            {
                Copy(directory, Path.Combine(to, name));
            }
        }
    }
}
