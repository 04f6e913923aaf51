using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Flakiness;

public sealed class FlakinessAnalyzerTests
{
    [Fact]
    public void Analyze_PassAndFailOnSameCommit_IsFlaky()
    {
        var report = Analyze(Make("T", TestOutcome.Passed, run: "r1", commit: "a"), Make("T", TestOutcome.Failed, run: "r2", commit: "a"));

        var test = Assert.Single(report.Tests);
        Assert.True(test.Flaky);
        Assert.Equal(["a"], test.FlakyCommits);
        Assert.Equal(0.5, test.FailureRate);
    }

    [Fact]
    public void Analyze_FailedOnOneCommitPassedOnNext_IsNotFlaky()
    {
        var report = Analyze(Make("T", TestOutcome.Failed, run: "r1", commit: "a"), Make("T", TestOutcome.Passed, run: "r2", commit: "b"));

        Assert.False(Assert.Single(report.Tests).Flaky);
        Assert.Equal(2, report.Commits);
    }

    [Fact]
    public void Analyze_RetryThatPassed_IsToldApartFromAFirstPass()
    {
        var firstAttempt = Make("T", TestOutcome.Failed, run: "r1");
        var retry = Make("T", TestOutcome.Passed, run: "r1");
        retry.Attempt = 2;

        var test = Assert.Single(Analyze(firstAttempt, retry, Make("T", TestOutcome.Passed, run: "r2")).Tests);

        Assert.True(test.Flaky);
        Assert.Equal((2, 1), (test.Passed, test.PassedOnRetry));
    }

    [Fact]
    public void Analyze_NoCommitRecorded_TreatsAllRunsAsOneCommit()
    {
        var report = Analyze(Make("T", TestOutcome.Failed, run: "r1"), Make("T", TestOutcome.Passed, run: "r2"));

        Assert.True(Assert.Single(report.Tests).Flaky);
    }

    [Fact]
    public void Analyze_SkippedExecutions_AreNeitherPassesNorFailures()
    {
        var report = Analyze(Make("T", TestOutcome.Skipped), Make("T", TestOutcome.Passed, run: "r2"));

        var test = Assert.Single(report.Tests);
        Assert.Equal((2, 1, 0, 1), (test.Executions, test.Passed, test.Failed, test.Skipped));
        Assert.False(test.Flaky);
    }

    [Fact]
    public void Analyze_NothingSeparatesRuns_SaysNone()
    {
        var executions = Enumerable.Range(0, 10).Select(i => Make("T", i % 2 == 0 ? TestOutcome.Failed : TestOutcome.Passed, run: $"r{i}")).ToArray();

        var cause = Assert.Single(Assert.Single(Analyze(executions).Tests).Causes);

        Assert.Equal(CauseKind.None, cause.Kind);
    }

    [Fact]
    public void Analyze_SeveralFlakyTests_RanksByRunsDisrupted()
    {
        var executions = new List<TestExecution>();
        for (var run = 0; run < 10; run++)
        {
            executions.Add(Make("Rare", run == 0 ? TestOutcome.Failed : TestOutcome.Passed, run: $"r{run}"));
            executions.Add(Make("Often", run < 6 ? TestOutcome.Failed : TestOutcome.Passed, run: $"r{run}"));
            executions.Add(Make("Stable", TestOutcome.Passed, run: $"r{run}"));
        }

        var report = Analyze([.. executions]);

        Assert.Equal(["Often", "Rare", "Stable"], report.Tests.Select(t => t.Name));
        Assert.Equal(6, report.Tests[0].FailedRuns);
        Assert.Equal(10, report.Runs);
    }

    [Fact]
    public void Analyze_FlakyTest_BuildsSideBySideProfiles()
    {
        var report = Analyze(
            Make("T", TestOutcome.Passed, durationMs: 100, run: "r1").WithChild("db", 10),
            Make("T", TestOutcome.Failed, durationMs: 300, run: "r2").WithChild("db", 200).WithChild("HTTP GET x/y", 5, errors: 1, status: 503));

        var test = Assert.Single(report.Tests);
        Assert.Equal(100, test.PassingProfile!.MedianMs);
        Assert.Equal(300, test.FailingProfile!.MedianMs);
        var http = test.FailingProfile.Labels.Single(l => l.Label == "HTTP GET x/y");
        Assert.Equal((1, 1.0, 1), (http.Runs, http.Appearance, http.Errors));
        Assert.Equal(1, http.StatusCodes[503]);
        Assert.Equal(0, test.PassingProfile.Labels.Single(l => l.Label == "HTTP GET x/y").Runs);
    }

    [Fact]
    public void Analyze_SameTestNameInTwoServices_ListedByServiceWhateverTheArrivalOrder()
    {
        TestExecution[] executions =
        [
            InService(Make("T", TestOutcome.Passed, run: "r1"), "B.Tests"),
            InService(Make("T", TestOutcome.Failed, run: "r2"), "B.Tests"),
            InService(Make("T", TestOutcome.Passed, run: "r1"), "A.Tests"),
            InService(Make("T", TestOutcome.Failed, run: "r2"), "A.Tests"),
        ];

        Assert.Equal(["A.Tests", "B.Tests"], Analyze(executions).Tests.Select(t => t.Service));
        Assert.Equal(["A.Tests", "B.Tests"], Analyze([.. executions.Reverse()]).Tests.Select(t => t.Service));
    }

    private static TestExecution InService(TestExecution execution, string service)
    {
        execution.ServiceName = service;
        return execution;
    }

    private static FlakinessReport Analyze(params TestExecution[] executions) =>
        FlakinessAnalyzer.Analyze(new TraceCorpus(executions, new InputSummary()));
}
