using System.Text.RegularExpressions;
using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The version scheme of a local pack (Directory.Build.props, Directory.Solution.targets): every
/// package of one `dotnet pack` of the solution gets the same 0.2.0-dev.&lt;UTC time&gt;. Checked on
/// two small projects under the repository's own build files, one slow to build and packed first
/// (-m:1), so that the second is evaluated seconds after the first.
/// </summary>
public sealed partial class PackVersionTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"flakytrace-packversion-{Guid.NewGuid():N}");

    [Fact]
    public void PackOfTheSolution_StampsEveryPackageWithOneVersion()
    {
        Directory.CreateDirectory(root);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Solution.targets" })
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, file), Path.Combine(root, file));
        }

        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
        Project("First", "<Target Name=\"Slow\" BeforeTargets=\"CoreCompile\"><Exec Command=\"sleep 2\" /></Target>");
        Project("Second", "");
        File.WriteAllText(Path.Combine(root, "Both.sln"), Solution("First", "Second"));

        var pack = DotnetCommand.Run(root, ["pack", "Both.sln", "-m:1", "-o", "out"]);

        Assert.True(pack.ExitCode == 0, pack.Output);
        var versions = Directory.GetFiles(Path.Combine(root, "out"), "*.nupkg").Select(f => PackageVersion().Match(Path.GetFileName(f)).Groups[1].Value).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Matches(@"^0\.2\.0-dev\.\d{14}$", versions[0]);
        Assert.Equal(versions[0], versions[1]);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private void Project(string name, string extra)
    {
        Directory.CreateDirectory(Path.Combine(root, name));
        File.WriteAllText(Path.Combine(root, name, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>true</IsPackable></PropertyGroup>
              {extra}
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, name, "Types.cs"), $"namespace {name};\n\n/// <summary>A type to pack.</summary>\npublic static class Types\n{{\n}}\n");
    }

    // The classic format, as FlakyCollector.sln: the projects build in the order listed.
    private static string Solution(params string[] projects)
    {
        var ids = projects.Select(_ => Guid.NewGuid().ToString("B").ToUpperInvariant()).ToList();
        var lines = new List<string> { "Microsoft Visual Studio Solution File, Format Version 12.00", "# Visual Studio Version 17" };
        for (var i = 0; i < projects.Length; i++)
        {
            lines.Add($"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{projects[i]}\", \"{projects[i]}\\{projects[i]}.csproj\", \"{ids[i]}\"");
            lines.Add("EndProject");
        }

        lines.Add("Global");
        lines.Add("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution");
        lines.Add("\t\tDebug|Any CPU = Debug|Any CPU");
        lines.Add("\t\tRelease|Any CPU = Release|Any CPU");
        lines.Add("\tEndGlobalSection");
        lines.Add("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution");
        foreach (var id in ids)
        {
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                lines.Add($"\t\t{id}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU");
                lines.Add($"\t\t{id}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU");
            }
        }

        lines.Add("\tEndGlobalSection");
        lines.Add("EndGlobal");
        return string.Join("\n", lines) + "\n";
    }

    [GeneratedRegex(@"^[A-Za-z]+\.(.+)\.nupkg$")]
    private static partial Regex PackageVersion();
}
