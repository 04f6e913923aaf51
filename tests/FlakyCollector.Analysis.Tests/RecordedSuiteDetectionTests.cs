using System.IO.Compression;
using System.Text.Json;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Reading;
using Xunit.Abstractions;

namespace FlakyCollector.Analysis.Tests;

/// <summary>
/// The analysis against real runs of real flaky suites (tests/.../Recorded/&lt;suite&gt;, recorded by
/// eng/record-real-traces.sh, with the designed cause of each test in answer-key.json). Prints the
/// detection table: test, designed cause, observed failures, what was found first.
/// </summary>
public sealed class RecordedSuiteDetectionTests(ITestOutputHelper output)
{
    // Right cause first, per suite, as of this commit: a floor, so that a change that loses one fails.
    public static TheoryData<string, int> Suites => new() { { "RealFlakyXunit", 7 } };

    [Theory]
    [MemberData(nameof(Suites))]
    public void Analyze_RecordedRealRuns_FindsTheDesignedCausesAndFlagsNoStableTest(string suite, int rightAtLeast)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "FlakyCollector.Analysis.Tests", "Recorded", suite);
        using var directory = new SampleDirectory();
        foreach (var gz in Directory.EnumerateFiles(folder, "*.otlp.jsonl.gz", SearchOption.AllDirectories))
        {
            using var source = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
            using var target = File.Create(Path.Combine(directory.Path, Path.GetFileNameWithoutExtension(gz)));
            source.CopyTo(target);
        }

        var report = FlakinessAnalyzer.Analyze(TraceInputReader.Read([directory.Path]));
        using var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "answer-key.json")));
        var right = 0;
        var flakyDesigned = 0;
        output.WriteLine($"| test | designed | failed | found first |");
        foreach (var test in key.RootElement.GetProperty("tests").EnumerateObject())
        {
            var designed = test.Value.GetProperty("cause").GetString()!;
            var summary = report.Tests.FirstOrDefault(t => t.Name == test.Name);
            var found = Found(report, summary);
            var expected = designed == "fixture-cluster" ? "cluster:external" : designed;
            if (designed is "stable" or "broken")
            {
                Assert.False(summary?.Flaky ?? false, $"{test.Name} ({designed}) must not be flagged flaky");
            }
            else
            {
                flakyDesigned++;
                right += found == expected ? 1 : 0;
            }

            output.WriteLine($"| {test.Name} | {designed} | {summary?.Failed}/{summary?.Executions} | {found} |");
        }

        output.WriteLine($"right cause first: {right} of {flakyDesigned}");
        Assert.True(right >= rightAtLeast, $"right cause first for {right} of {flakyDesigned}, expected at least {rightAtLeast}");
    }

    private static string Found(FlakinessReport report, TestSummary? test)
    {
        if (test is null || !test.Flaky)
        {
            return test is { Failed: > 0, Passed: 0 } ? "broken" : "stable";
        }

        var cluster = report.Clusters.FirstOrDefault(c => c.Tests.Any(t => t.Name == test.Name));
        return cluster is not null
            ? $"cluster:{Figure(cluster.Causes[0].Hint.Kind)}"
            : Figure(test.Causes[0].Kind);
    }

    private static string Figure(CauseKind kind) => kind.ToString().ToLowerInvariant();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlakyCollector.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("FlakyCollector.sln above " + AppContext.BaseDirectory);
    }
}
