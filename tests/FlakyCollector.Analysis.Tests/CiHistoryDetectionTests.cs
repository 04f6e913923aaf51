using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Tests.Samples;
using Xunit.Abstractions;

namespace FlakyCollector.Analysis.Tests;

/// <summary>The second-generation corpus: race, a co-failing cluster, a runtime-bound test, services' spans from another file, noise and retries.</summary>
public sealed class CiHistoryDetectionTests(ITestOutputHelper output)
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_CiHistory_FindsEachFlakyTestWithItsCauseFirst(int seed)
    {
        var report = Analyze(seed);

        foreach (var test in report.FlakyTests)
        {
            output.WriteLine($"{test.Name} [{test.Runtime}]: failed {test.Failed}/{test.Executions}; " + string.Join(" | ", test.Causes.Select(c => $"{c.Kind} {c.Score}: {c.Summary}")));
        }

        foreach (var (name, cause) in CiHistoryCatalog.Expected)
        {
            var test = Assert.Single(report.Tests, t => t.Name == name);
            output.WriteLine($"| {name} | {cause} | {(test.Flaky ? test.Causes[0].Kind.ToString() : "not flaky")} |");
            Assert.True(test.Flaky, $"{name} should be flaky");
            Assert.Equal(cause, test.Causes[0].Kind);
        }

        var expected = CiHistoryCatalog.Expected.Select(e => e.Test).ToHashSet();
        Assert.All(report.Tests.Where(t => !expected.Contains(t.Name)), t => Assert.False(t.Flaky, $"{t.Name} [{t.Runtime}] must not be flagged"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_CiHistory_TheOutageIsOneClusterOfExactlyItsTests(int seed)
    {
        var report = Analyze(seed);

        var cluster = Assert.Single(report.Clusters);
        Assert.Equal(CiHistoryCatalog.Cluster.Order(StringComparer.Ordinal), cluster.Tests.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(CauseKind.External, cluster.Causes[0].Hint.Kind);
        Assert.Equal(4, cluster.Causes[0].Tests.Count);
        Assert.Equal(6, cluster.FailedRuns);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_CiHistory_RuntimeBoundTestFailsOnOneRuntimeOnlyAndIsNotFlaky(int seed)
    {
        var report = Analyze(seed);

        var runtimes = report.Tests.Where(t => t.Name == CiHistoryCatalog.RuntimeBound).ToList();
        Assert.Equal([".NET 10", ".NET 8"], runtimes.Select(t => t.Runtime).Order(StringComparer.Ordinal));
        Assert.All(runtimes, t => Assert.False(t.Flaky));
        var broken = Assert.Single(runtimes, t => t.Failed > 0);
        Assert.Equal((".NET 8", ".NET 8", 0), (broken.Runtime, broken.FailsOnlyOn, broken.Passed));
        Assert.Equal([".NET 10", ".NET 8"], report.Runtimes);
    }

    [Fact]
    public void Analyze_CiHistory_ServicesSpansFromTheOtherFileJoinAndCountOnce()
    {
        var report = Analyze(1, out var corpus);

        Assert.True(corpus.Input.DuplicateSpans > 0, "the generator writes some server spans to two files");
        Assert.Equal(0, corpus.Input.OrphanSpans);
        Assert.Equal(0, corpus.Input.MalformedLineCount);
        var cluster = corpus.Executions.Where(e => CiHistoryCatalog.Cluster.Contains(e.Name)).ToList();
        // Each execution made one call: one client span, one server span (from either file or both), one service query.
        Assert.All(cluster, e => Assert.Equal([1, 1, 1], e.Children.Where(c => c.Label == "SELECT bins" || c.Label == "GET /api/bins/{id}" || c.Label.StartsWith("HTTP GET warehouse-api", StringComparison.Ordinal)).OrderBy(c => c.Label, StringComparer.Ordinal).Select(c => c.Count)));
        Assert.True(report.Tests.Single(t => t.Name == SampleCatalog.Unavailable).PassedOnRetry > 0);
    }

    private static FlakinessReport Analyze(int seed) => Analyze(seed, out _);

    private static FlakinessReport Analyze(int seed, out Model.TraceCorpus corpus)
    {
        using var directory = new SampleDirectory();
        new CiHistoryGenerator(seed).WriteTo(directory.Path);
        corpus = TraceInputReader.Read([directory.Path]);
        return FlakinessAnalyzer.Analyze(corpus);
    }
}
