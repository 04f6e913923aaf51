using System.Text.Json;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.RealSuites;

/// <summary>
/// The answer keys of the recorded real suites hold what the recordings show: the analysis's own
/// reader, on the decompressed runs, counts the same executions and failures per test and label as
/// the key's <c>observed</c> part (written by eng/answer-key.py), and every recorded test has a
/// designed cause. The accuracy of the diagnosis on these runs is scored elsewhere.
/// </summary>
public sealed class RecordedSuiteTests
{
    public static TheoryData<string> Suites() => new(RecordedSuite.Names());

    [Theory]
    [MemberData(nameof(Suites))]
    public void AnswerKey_ObservedCounts_MatchTheRecordedRuns(string name)
    {
        var suite = RecordedSuite.Load(name);
        var observed = suite.Key.GetProperty("observed");
        Assert.NotEmpty(suite.Labels());
        foreach (var label in suite.Labels())
        {
            using var directory = new SampleDirectory();
            suite.Extract(label, directory.Path);
            var corpus = TraceInputReader.Read([directory.Path]);

            var expected = observed.GetProperty(label);
            Assert.Equal(expected.GetProperty("runs").GetInt32(), suite.Runs(label).Count);
            var counted = corpus.Executions
                .GroupBy(e => e.Name)
                .ToDictionary(g => g.Key, g => (Executions: g.Count(), Failures: g.Count(e => e.Outcome == TestOutcome.Failed)));
            var keyed = expected.GetProperty("tests").EnumerateObject()
                .ToDictionary(t => t.Name, t => (Executions: t.Value.GetProperty("executions").GetInt32(), Failures: t.Value.GetProperty("failures").GetInt32()));
            Assert.Equal(keyed.OrderBy(k => k.Key), counted.OrderBy(k => k.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void AnswerKey_NamesTheDesignedCauseOfEveryRecordedTest(string name)
    {
        string[] causes = ["race", "timing", "external", "order", "contention", "fixture-cluster", "broken", "stable"];
        var suite = RecordedSuite.Load(name);
        var recorded = suite.Key.GetProperty("observed").EnumerateObject()
            .SelectMany(label => label.Value.GetProperty("tests").EnumerateObject().Select(t => t.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(recorded, test => Assert.Contains(suite.Cause(test), causes));
        // A designed cause holds on the whole recording: a broken test failed every time, a stable one never.
        foreach (var label in suite.Key.GetProperty("observed").EnumerateObject())
        {
            foreach (var test in label.Value.GetProperty("tests").EnumerateObject())
            {
                var (executions, failures) = (test.Value.GetProperty("executions").GetInt32(), test.Value.GetProperty("failures").GetInt32());
                switch (suite.Cause(test.Name))
                {
                    case "broken":
                        Assert.True(failures == executions, $"{test.Name} ({label.Name}) is designed broken but passed {executions - failures} of {executions}");
                        break;
                    case "stable":
                        Assert.True(failures == 0, $"{test.Name} ({label.Name}) is designed stable but failed {failures} of {executions}");
                        break;
                }
            }
        }
    }
}
