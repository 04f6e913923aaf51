using System.Diagnostics;
using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

public sealed class EndedTestsTests
{
    [Fact]
    public void Take_OneFiled_ThatOneThenNothing()
    {
        var ended = new EndedTests();
        var test = Recorded();
        ended.Add("Shop.Tests.Cart.Sums", test);

        Assert.Same(test, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue)));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue));
    }

    [Fact]
    public void Take_SeveralUnderOneKey_OldestFirstOneAtATime()
    {
        var ended = new EndedTests();
        var (first, second, third) = (Recorded(), Recorded(), Recorded());
        ended.Add("Shop.Tests.Cart.Sums", first);
        ended.Add("Shop.Tests.Cart.Sums", second);
        ended.Add("Shop.Tests.Cart.Sums", third);

        Assert.Same(first, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome: null, DateTime.MaxValue)));
        Assert.Same(second, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome: null, DateTime.MaxValue)));
        Assert.Same(third, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome: null, DateTime.MaxValue)));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", outcome: null, DateTime.MaxValue));
    }

    [Fact]
    public void Take_OneTestCaseRetried_EveryAttemptOldestFirstAndOtherKeysKept()
    {
        var ended = new EndedTests();
        var (first, second, other) = (Recorded(outcome: "Failed"), Recorded(outcome: "Passed"), Recorded());
        ended.Add("Shop.Tests.Cart.Sums", first);
        ended.Add("Shop.Tests.Cart.Totals", other);
        ended.Add("Shop.Tests.Cart.Sums", second);

        Assert.Equal([first, second], ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue));
        Assert.Same(other, Assert.Single(ended.Take("Shop.Tests.Cart.Totals", outcome: "Passed", DateTime.MaxValue)));
    }

    [Fact]
    public void Add_AfterAKeyWasEmptied_FiledAgain()
    {
        var ended = new EndedTests();
        ended.Add("Shop.Tests.Cart.Sums", Recorded(outcome: "Failed"));
        ended.Add("Shop.Tests.Cart.Sums", Recorded(outcome: "Passed"));
        Assert.Equal(2, ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue).Count);
        var again = Recorded();

        ended.Add("Shop.Tests.Cart.Sums", again);

        Assert.Same(again, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome: null, DateTime.MaxValue)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Passed")]
    public void Take_StartedAfterTheTestEnded_StaysForTheTestItBelongsTo(string? outcome)
    {
        // A theory's row 2 ran no hook and ended at 10:00:01; row 3's recording started at 10:00:02.
        var ended = new EndedTests();
        var (row1, row3) = (Recorded(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc)), Recorded(new DateTime(2026, 12, 7, 10, 0, 2, DateTimeKind.Utc)));
        ended.Add("Shop.Tests.Cart.Sums", row1);
        ended.Add("Shop.Tests.Cart.Sums", row3);

        Assert.Same(row1, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome, new DateTime(2026, 12, 7, 10, 0, 0, 500, DateTimeKind.Utc))));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", outcome, new DateTime(2026, 12, 7, 10, 0, 1, DateTimeKind.Utc)));
        Assert.Same(row3, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome, new DateTime(2026, 12, 7, 10, 0, 3, DateTimeKind.Utc))));
    }

    [Fact]
    public void Take_SameNamedCasesBothBeforeTheEnd_OnlyTheOneWhoseOutcomeAgreesAndTheOtherStays()
    {
        // NUnit cases whose arguments print alike ran side by side: one passed, then one failed, handed over in the other order.
        var ended = new EndedTests();
        var (passed, failed) = (Recorded(outcome: "Passed"), Recorded(outcome: "Failed"));
        ended.Add("Shop.Tests.Cart.Sums(Shop.Row)", passed);
        ended.Add("Shop.Tests.Cart.Sums(Shop.Row)", failed);

        Assert.Same(failed, Assert.Single(ended.Take("Shop.Tests.Cart.Sums(Shop.Row)", outcome: "Failed", DateTime.MaxValue)));
        Assert.Same(passed, Assert.Single(ended.Take("Shop.Tests.Cart.Sums(Shop.Row)", outcome: "Passed", DateTime.MaxValue)));
    }

    [Fact]
    public void Take_SameNamedCaseLeftBetweenAttempts_StaysFiled()
    {
        // A passing case of the same name ended between this case's failed attempt and its passing retry.
        var ended = new EndedTests();
        var (attempt, other, retry) = (Recorded(outcome: "Failed"), Recorded(outcome: "Passed"), Recorded(outcome: "Passed"));
        ended.Add("Shop.Tests.Cart.Sums", attempt);
        ended.Add("Shop.Tests.Cart.Sums", other);
        ended.Add("Shop.Tests.Cart.Sums", retry);

        Assert.Equal([attempt, retry], ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue));
        Assert.Same(other, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", outcome: "Passed", DateTime.MaxValue)));
    }

    private static RecordedTest Recorded(DateTime? started = null, string? outcome = null)
    {
        var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        if (started is { } start)
        {
            activity.SetStartTime(start);
        }

        if (outcome is not null)
        {
            activity.SetTag(TestActivityNames.OutcomeTag, outcome);
        }

        activity.Start();
        activity.Stop();
        return new RecordedTest(activity);
    }
}
