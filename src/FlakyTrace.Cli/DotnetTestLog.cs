using System.Text.RegularExpressions;

namespace FlakyTrace.Cli;

/// <summary>The output of one <c>dotnet test</c> run, kept in a file so that N runs do not flood the terminal.</summary>
internal static partial class DotnetTestLog
{
    public const string FileName = "dotnet-test.log";

    public static string PathIn(string resultsDirectory) => Path.Combine(resultsDirectory, FileName);

    /// <summary>The first MSBuild, NuGet or compiler error line (<c>... error CS1002: ...</c>), or null when the build did not fail.</summary>
    public static string? FirstBuildError(string log) =>
        File.Exists(log) ? File.ReadLines(log).Select(line => line.Trim()).FirstOrDefault(BuildError().IsMatch) : null;

    public static bool Mentions(string log, string text) =>
        File.Exists(log) && File.ReadLines(log).Any(line => line.Contains(text, StringComparison.Ordinal));

    public static IEnumerable<string> Tail(string log, int lines) => File.Exists(log) ? File.ReadLines(log).TakeLast(lines) : [];

    // MSBuild's canonical error format: "origin: error CODE123: text", the origin optional.
    [GeneratedRegex(@"(^|:\s)error [A-Z]{2,}[0-9]+\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex BuildError();
}
