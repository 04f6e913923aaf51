namespace FlakyTrace.Cli;

/// <summary>
/// The command line of one traced <c>dotnet test</c> run, in the syntax of the runner it will meet.
/// Microsoft.Testing.Platform rejects <c>--collect</c> and a bare project path, so there tracing is
/// <c>--flaky-trace</c> and a path becomes <c>--project</c>/<c>--solution</c>; <c>--results-directory</c>
/// and <c>--no-build</c> mean the same in both modes.
/// </summary>
internal static class DotnetTestArguments
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx", ".slnf"];

    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj", ".proj"];

    // dotnet test options that take no value, so the token after them can still be the project.
    private static readonly string[] Flags = ["--no-build", "--no-restore", "--nologo", "--blame", "--blame-crash", "--blame-hang", "--list-tests", "--interactive"];

    public static List<string> For(TestRunner runner, string resultsDirectory, IReadOnlyList<string> arguments, bool noBuild, string workingDirectory)
    {
        List<string> command = runner == TestRunner.MicrosoftTestingPlatform
            ? ["test", "--flaky-trace", "--results-directory", resultsDirectory]
            : ["test", "--collect", "FlakyTrace", "--results-directory", resultsDirectory];
        if (noBuild && !arguments.Contains("--no-build"))
        {
            command.Add("--no-build");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (runner == TestRunner.MicrosoftTestingPlatform && TargetAt(arguments, i, workingDirectory) is { } target)
            {
                command.Add(IsSolution(target) ? "--solution" : "--project");
            }

            command.Add(arguments[i]);
        }

        return command;
    }

    /// <summary>
    /// The arguments with every one that names an existing file or folder made absolute, so that
    /// they mean the same when <c>dotnet test</c> runs in another folder.
    /// </summary>
    public static List<string> Absolute(IReadOnlyList<string> arguments, string workingDirectory) =>
        arguments.Select(argument =>
            !argument.StartsWith('-') && Path.GetFullPath(argument, workingDirectory) is var path && (File.Exists(path) || Directory.Exists(path))
                ? path
                : argument).ToList();

    /// <summary>The folder whose global.json decides the runner: that of the project or solution named, else the working directory.</summary>
    public static string TargetDirectory(IReadOnlyList<string> arguments, string workingDirectory)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var target = arguments[i] is "--project" or "--solution" && i + 1 < arguments.Count
                ? Path.GetFullPath(arguments[i + 1], workingDirectory)
                : TargetAt(arguments, i, workingDirectory);
            if (target is not null)
            {
                return Directory.Exists(target) ? target : Path.GetDirectoryName(target) ?? workingDirectory;
            }
        }

        return workingDirectory;
    }

    /// <summary>The full path when argument <paramref name="index"/> is a project, solution or folder given without an option name.</summary>
    private static string? TargetAt(IReadOnlyList<string> arguments, int index, string workingDirectory)
    {
        var argument = arguments[index];
        var previous = index > 0 ? arguments[index - 1] : null;
        if (argument.StartsWith('-') || (previous is not null && previous.StartsWith('-') && !Flags.Contains(previous)))
        {
            return null;
        }

        var path = Path.GetFullPath(argument, workingDirectory);
        var extension = Path.GetExtension(path);
        return Directory.Exists(path)
            || (File.Exists(path) && (IsSolution(path) || ProjectExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)))
            ? path
            : null;
    }

    private static bool IsSolution(string path) => SolutionExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
