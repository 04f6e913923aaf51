namespace FlakyTrace.Cli;

/// <summary>
/// The arguments that make <c>dotnet test</c> run only some tests, by method, in the syntax the
/// runner and framework understand: VSTest's <c>--filter</c> (also MSTest and NUnit on
/// Microsoft.Testing.Platform), xUnit v3's <c>--filter-method</c>, TUnit's <c>--treenode-filter</c>.
/// </summary>
internal static class ReproTestFilter
{
    public static List<string> For(TestRunner runner, string projectDirectory, IReadOnlyList<string> tests)
    {
        var methods = tests.Select(Method).Distinct(StringComparer.Ordinal).ToList();
        if (runner == TestRunner.MicrosoftTestingPlatform)
        {
            var project = ProjectText(projectDirectory);
            if (project.Contains("xunit.v3", StringComparison.OrdinalIgnoreCase))
            {
                return [.. methods.SelectMany(m => new[] { "--filter-method", m })];
            }

            if (project.Contains("TUnit", StringComparison.Ordinal))
            {
                return ["--treenode-filter", methods.Count == 1 ? $"/*/*/{ClassOf(methods[0])}/{NameOf(methods[0])}" : "/**"];
            }
        }

        return ["--filter", string.Join('|', methods.Select(m => $"FullyQualifiedName={Escape(m)}"))];
    }

    /// <summary>The method a test case belongs to: its name without data-row arguments, display name or generic arguments.</summary>
    public static string Method(string testCaseName)
    {
        var cut = testCaseName.IndexOfAny(['(', '[', '<']);
        return cut > 0 ? testCaseName[..cut] : testCaseName;
    }

    // The characters vstest's filter syntax gives a meaning to.
    private static string Escape(string name) =>
        name.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("(", @"\(", StringComparison.Ordinal).Replace(")", @"\)", StringComparison.Ordinal)
            .Replace("&", @"\&", StringComparison.Ordinal).Replace("|", @"\|", StringComparison.Ordinal).Replace("=", @"\=", StringComparison.Ordinal)
            .Replace("!", @"\!", StringComparison.Ordinal).Replace("~", @"\~", StringComparison.Ordinal);

    private static string ClassOf(string method) => method.LastIndexOf('.') is var dot and > 0 && method[..dot].LastIndexOf('.') is var c ? method[(c + 1)..dot] : method;

    private static string NameOf(string method) => method[(method.LastIndexOf('.') + 1)..];

    private static string ProjectText(string directory)
    {
        try
        {
            var files = File.Exists(directory) ? [directory] : Directory.EnumerateFiles(directory, "*.*proj").Take(5);
            return string.Concat(files.Select(File.ReadAllText));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
