using System.Reflection;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>The <c>flakytrace</c> tool built from this repository, run as its own process as CI runs it.</summary>
public static class FlakyTraceTool
{
    /// <summary>flakytrace.dll, built beside this test assembly (the project reference builds it).</summary>
    public static string Path { get; } = typeof(FlakyTraceTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FlakyTraceTool").Value!;

    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        DotnetCommand.Run(workingDirectory, [Path, .. arguments], timeout: TimeSpan.FromMinutes(2));

    /// <summary>A folder with an executable <c>flakytrace</c> script, for shell scripts that call the tool by name, as after <c>dotnet tool install</c>.</summary>
    public static string ShimFolder(string root)
    {
        var folder = System.IO.Path.Combine(root, "tool-bin");
        Directory.CreateDirectory(folder);
        var script = System.IO.Path.Combine(folder, "flakytrace");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet \"{Path}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }
}
