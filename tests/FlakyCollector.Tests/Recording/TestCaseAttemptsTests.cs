using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Recording;

public sealed class TestCaseAttemptsTests
{
    private static readonly DateTime Ended = new(2026, 12, 7, 10, 0, 10, DateTimeKind.Utc);

    [Fact]
    public void Select_OneCandidate_ItWhateverItsOutcome()
    {
        var failed = Recorded(outcome: "Failed");

        Assert.Same(failed, Assert.Single(TestCaseAttempts.Select([failed], "Passed", Ended)));
    }

    [Fact]
    public void Select_NothingStartedByTheEnd_Nothing()
    {
        Assert.Empty(TestCaseAttempts.Select([Recorded(started: Ended.AddSeconds(1))], "Passed", Ended));
    }

    [Fact]
    public void Select_TwoFailedAttemptsThenAPass_RetriesThenTheReportedOne()
    {
        var (first, second, third) = (Recorded(outcome: "Failed"), Recorded(outcome: "Failed"), Recorded(outcome: "Passed"));

        Assert.Equal([first, second, third], TestCaseAttempts.Select([first, second, third], "Passed", Ended));
    }

    [Fact]
    public void Select_EarlierPassWithAReportedFailure_NotARetry()
    {
        // A same-named case passed before this one failed: a framework retries only failures.
        var (passed, failed) = (Recorded(outcome: "Passed"), Recorded(outcome: "Failed"));

        Assert.Same(failed, Assert.Single(TestCaseAttempts.Select([passed, failed], "Failed", Ended)));
    }

    [Fact]
    public void Select_StartedAfterTheEnd_LeftOutEvenWhenItsOutcomeAgrees()
    {
        var (own, later) = (Recorded(outcome: "Passed"), Recorded(started: Ended.AddMilliseconds(1), outcome: "Passed"));

        Assert.Same(own, Assert.Single(TestCaseAttempts.Select([own, later], "Passed", Ended)));
    }

    [Fact]
    public void Select_TUnitTagsItsFailedAttempt_ARetry()
    {
        // TUnit tags each attempt's activity with the semantic convention's result status, and no hook of ours runs.
        var (attempt, reported) = (Recorded(resultStatus: "fail"), Recorded(resultStatus: "pass"));

        Assert.Equal([attempt, reported], TestCaseAttempts.Select([attempt, reported], "Passed", Ended));
    }

    [Fact]
    public void Select_ErrorStatusWithoutATag_AFailure()
    {
        var (attempt, reported) = (Recorded(error: true), Recorded());

        Assert.Equal([attempt, reported], TestCaseAttempts.Select([attempt, reported], "Passed", Ended));
    }

    [Theory]
    [InlineData("Passed", "pass")]
    [InlineData("Failed", "fail")]
    [InlineData("Error", "fail")]
    [InlineData("Timeout", "fail")]
    [InlineData("Inconclusive", "other")]
    [InlineData("Skipped", "other")]
    [InlineData(null, "unknown")]
    [InlineData("", "unknown")]
    [InlineData("passed", "pass")]
    [InlineData("WARNING", "pass")]
    [InlineData("aborted", "fail")]
    [InlineData("NotFound", "other")]
    [InlineData("pass", "pass")]
    [InlineData("fail", "fail")]
    public void OutcomeClass_FrameworkAndVstestOutcomes(string? outcome, string expected)
    {
        Assert.Equal(expected, TestCaseAttempts.OutcomeClass(outcome));
    }

    private static RecordedTest Recorded(DateTime? started = null, string? outcome = null, string? resultStatus = null, bool error = false)
    {
        var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        activity.SetStartTime(started ?? Ended.AddSeconds(-5));
        activity.Start();
        if (outcome is not null)
        {
            activity.SetTag(TestActivityNames.OutcomeTag, outcome);
        }

        if (resultStatus is not null)
        {
            activity.SetTag(TestAttributeNames.CaseResultStatus, resultStatus);
        }

        if (error)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Stop();
        return new RecordedTest(activity);
    }
}
