using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Tests.RealSuites;
using Xunit.Abstractions;

namespace FlakyCollector.Analysis.Tests;

/// <summary>
/// The analysis against real runs of real flaky suites (tests/.../Recorded/&lt;suite&gt;, recorded by
/// eng/record-real-traces.sh, with the designed cause of each test in answer-key.json). Every suite
/// with an answer key is scored, all its labels read together; the detection table (test, designed
/// cause, observed failures, found first) is printed per suite.
/// </summary>
public sealed class RecordedSuiteDetectionTests(ITestOutputHelper output)
{
    // Right cause first, per suite, as of this commit, counting the designed flaky tests that both
    // passed and failed in the recording: a floor, so that a change that loses one fails.
    // A suite recorded later starts at 0 until it is scored here.
    private static readonly Dictionary<string, int> Floors = new(StringComparer.Ordinal)
    {
        ["RealFlakyXunit"] = 14,
        ["RealFlakyNUnit"] = 13,
        ["RealFlakyMSTest"] = 13,
        ["RealFlakyXunitV3Mtp"] = 16,
    };

    public static TheoryData<string> Suites() => new(RecordedSuite.Names());

    [Theory]
    [MemberData(nameof(Suites))]
    public void Analyze_RecordedRealRuns_FindsTheDesignedCausesAndFlagsNoStableTest(string name)
    {
        var suite = RecordedSuite.Load(name);
        using var directory = new SampleDirectory();
        foreach (var label in suite.Labels())
        {
            suite.Extract(label, Path.Combine(directory.Path, label));
        }

        var report = FlakinessAnalyzer.Analyze(TraceInputReader.Read([directory.Path]));
        var right = 0;
        var flakyDesigned = 0;
        var notObserved = 0;
        output.WriteLine($"{name} ({string.Join(", ", suite.Labels().Select(l => $"{l}: {suite.Runs(l).Count} runs"))})");
        output.WriteLine("| test | designed | failed | found first |");
        output.WriteLine("|---|---|---|---|");
        foreach (var test in suite.Key.GetProperty("tests").EnumerateObject())
        {
            var designed = test.Value.GetProperty("cause").GetString()!;
            var summary = report.Tests.FirstOrDefault(t => t.Name == test.Name);
            var found = Found(report, summary);
            if (designed is "stable" or "broken")
            {
                Assert.False(summary?.Flaky ?? false, $"{test.Name} ({designed}) must not be flagged flaky");
            }
            else if (summary is not { Failed: > 0, Passed: > 0 })
            {
                // Designed flaky, but the recording never showed it both pass and fail: nothing to find.
                notObserved++;
            }
            else
            {
                flakyDesigned++;
                right += found == Expected(designed) ? 1 : 0;
            }

            output.WriteLine($"| {test.Name[(name.Length + 1)..]} | {designed} | {summary?.Failed}/{summary?.Executions} | {found} |");
        }

        var floor = Floors.GetValueOrDefault(name);
        output.WriteLine($"right cause first: {right} of {flakyDesigned} designed flaky tests that flaked in the recording (floor {floor}); {notObserved} designed flaky did not");
        Assert.True(right >= floor, $"{name}: right cause first for {right} of {flakyDesigned}, expected at least {floor}");
    }

    // A class fixture's failed warm-up is an external failure that explains its whole cluster.
    private static string Expected(string designed) => designed == "fixture-cluster" ? "cluster:external" : designed;

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
}
