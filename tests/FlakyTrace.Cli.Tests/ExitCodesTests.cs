using System.Reflection;
using System.Text.RegularExpressions;
using FlakyCollector.Analysis.Tests;

namespace FlakyTrace.Cli.Tests;

/// <summary>Every exit code the tool has is documented, and every command keeps I/O failures apart from the rest.</summary>
public sealed partial class ExitCodesTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    [Fact]
    public void ExitCodes_EveryConstant_IsInTheToolsReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "FlakyTrace.Cli", "README.md"));
        var documented = TableRow().Matches(readme).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // One code may have a name per command (1: flaky found for analyze, a new failure for gate); the table has one row per code.
        var constants = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (int)field.GetValue(null)!).Distinct().Order().ToList();

        Assert.Equal(constants, documented);
    }

    [Fact]
    public void Report_IntoMissingFolder_ExitsFiveWithOneLine()
    {
        var folder = Path.Combine(samples.Root, "missing-dir");
        var file = Path.Combine(folder, "r.html");

        var run = CommandLineRun.Of("report", samples.Flaky, "-o", file);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"flakytrace: cannot write {file}: the folder {folder} does not exist.\n", run.Error);
    }

    [Fact]
    public void Report_NotJsonFile_ExitsTwoWithOneLine()
    {
        var file = NotJsonFiles.Write(Path.Combine(samples.Root, "report-not-json"), "results.trx");

        var run = CommandLineRun.Of("report", file, "-o", Path.Combine(samples.Root, "never.html"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"flakytrace: {file}: this is a TRX file (XML test results); ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(Path.Combine(samples.Root, "never.html")));
    }

    private static string RepositoryRoot()
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

    [GeneratedRegex(@"^\| ([0-9]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
