using FlakyCollector.Analysis.Repro;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// The <c>flakytrace</c> tool as built beside these tests (the project reference builds it), run
/// as a process, so that the <c>dotnet test</c> runs it starts restore into this run's private
/// packages folder, like every other inner command.
/// </summary>
public static class ReproTool
{
    public static string Dll { get; } = Path.Combine(
        RepositoryPaths.Root, "src", "FlakyTrace.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "flakytrace.dll");

    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        DotnetCommand.Run(workingDirectory, [Dll, .. arguments], timeout: TimeSpan.FromMinutes(20));

    /// <summary>Runs <c>flakytrace repro --format json -o FILE</c> and reads its results.</summary>
    public static (ProcessResult Process, IReadOnlyList<ReproResult> Results) Repro(string workingDirectory, IEnumerable<string> options, IEnumerable<string> dotnetTestArguments)
    {
        var file = Path.Combine(workingDirectory, $"repro-{Guid.NewGuid():N}.json");
        var process = Run(workingDirectory, ["repro", .. options, "--format", "json", "-o", file, "--", .. dotnetTestArguments]);
        return (process, File.Exists(file) ? ReproJson.Read(File.ReadAllText(file)) : []);
    }
}
