using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Tests.Samples;
using Xunit.Abstractions;

namespace FlakyCollector.Analysis.Tests;

public sealed class SampleSuiteDetectionTests(ITestOutputHelper output)
{
    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_GeneratedFlakySuite_FlagsEachSampleWithItsCause(int seed)
    {
        using var directory = new SampleDirectory();
        new SampleSuiteGenerator(seed).WriteTo(directory.Path);

        var report = FlakinessAnalyzer.Analyze(TraceInputReader.Read([directory.Path]));

        foreach (var test in report.FlakyTests)
        {
            output.WriteLine($"{test.Name}: failed {test.Failed}/{test.Executions}; " + string.Join(" | ", test.Causes.Select(c => $"{c.Kind} {c.Score}: {c.Summary}")));
        }

        foreach (var (name, cause) in SampleCatalog.Expected)
        {
            var test = Assert.Single(report.Tests, t => t.Name == name);
            Assert.True(test.Flaky, $"{name} should be flaky");
            Assert.Equal(cause, test.Causes[0].Kind);
        }

        var expected = SampleCatalog.Expected.Select(e => e.Test).ToHashSet();
        Assert.All(report.Tests.Where(t => !expected.Contains(t.Name)), t => Assert.False(t.Flaky, $"{t.Name} must not be flagged"));
        Assert.Equal(SampleCatalog.Tests.Count, report.Tests.Count);
        Assert.Equal(0, report.Input.MalformedLineCount);
        Assert.Equal(0, report.Input.OrphanSpans);
        // Each flaky test here fails for a reason of its own: none of them fail in the same runs.
        Assert.Empty(report.Clusters);
    }
}
