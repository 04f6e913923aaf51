namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// A copy of one sample suite in a temporary folder, with FlakyCollector added from the folder
/// feed by `dotnet add package`, exactly as a user adds it to an existing test project.
/// </summary>
public sealed class SampleProject : IDisposable
{
    private SampleProject(string name, string directory)
    {
        Name = name;
        Directory = directory;
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The temporary folder that holds the copy and its nuget.config.</summary>
    public string Root => Path.GetDirectoryName(Directory)!;

    public static SampleProject Create(string sampleName, PackageFeed feed, bool addPackage = true)
    {
        var root = System.IO.Directory.CreateTempSubdirectory($"flakytrace-{sampleName}-").FullName;
        File.WriteAllText(Path.Combine(root, "nuget.config"),
            $"""<configuration><packageSources><add key="flakycollector-feed" value="{feed.Directory}" /></packageSources></configuration>""");
        return CreateIn(root, sampleName, feed, addPackage);
    }

    /// <summary>Copies another sample next to an existing one, under the same root and nuget.config.</summary>
    public static SampleProject CreateIn(string root, string sampleName, PackageFeed feed, bool addPackage = true)
    {
        var directory = Path.Combine(root, sampleName);
        Copy(Path.Combine(RepositoryPaths.Samples, sampleName), directory);
        var sample = new SampleProject(sampleName, directory);
        if (addPackage)
        {
            var added = DotnetCommand.Run(directory, ["add", "package", "FlakyCollector", "--version", feed.Version]);
            if (added.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet add package FlakyCollector --version {feed.Version} in {directory} exited {added.ExitCode}. Its output:\n{added.Output}");
            }
        }

        return sample;
    }

    /// <summary>
    /// Runs `dotnet test` with a TRX logger into a fresh results directory. A run that failed
    /// before any test ran (restore, build) throws with its whole output, so the failing test shows it.
    /// </summary>
    public SampleRun Test(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var results = Path.Combine(Directory, "TestResults", Guid.NewGuid().ToString("N")[..8]);
        var command = new List<string> { "test", "--logger", "trx", "--results-directory", results };
        command.AddRange(arguments);
        var run = new SampleRun(DotnetCommand.Run(Directory, command, environment), results);
        if (run.Process.ExitCode != 0 && !run.WroteResults)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', command)} in {Directory} exited {run.Process.ExitCode} and wrote no test results. Its output:\n{run.Process.Output}");
        }

        return run;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
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
            if (name is not ("bin" or "obj" or "TestResults"))
            {
                Copy(directory, Path.Combine(to, name));
            }
        }
    }
}
