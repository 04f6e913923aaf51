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

        Assert.Same(test, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: true, DateTime.MaxValue)));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all: true, DateTime.MaxValue));
    }

    [Fact]
    public void Take_SeveralUnderOneKey_OldestFirstOneAtATime()
    {
        var ended = new EndedTests();
        var (first, second, third) = (Recorded(), Recorded(), Recorded());
        ended.Add("Shop.Tests.Cart.Sums", first);
        ended.Add("Shop.Tests.Cart.Sums", second);
        ended.Add("Shop.Tests.Cart.Sums", third);

        Assert.Same(first, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false, DateTime.MaxValue)));
        Assert.Same(second, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false, DateTime.MaxValue)));
        Assert.Same(third, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false, DateTime.MaxValue)));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all: false, DateTime.MaxValue));
    }

    [Fact]
    public void Take_All_EveryOneOldestFirstAndOtherKeysKept()
    {
        var ended = new EndedTests();
        var (first, second, other) = (Recorded(), Recorded(), Recorded());
        ended.Add("Shop.Tests.Cart.Sums", first);
        ended.Add("Shop.Tests.Cart.Totals", other);
        ended.Add("Shop.Tests.Cart.Sums", second);

        Assert.Equal([first, second], ended.Take("Shop.Tests.Cart.Sums", all: true, DateTime.MaxValue));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all: true, DateTime.MaxValue));
        Assert.Same(other, Assert.Single(ended.Take("Shop.Tests.Cart.Totals", all: true, DateTime.MaxValue)));
    }

    [Fact]
    public void Add_AfterAKeyWasEmptied_FiledAgain()
    {
        var ended = new EndedTests();
        ended.Add("Shop.Tests.Cart.Sums", Recorded());
        ended.Add("Shop.Tests.Cart.Sums", Recorded());
        ended.Take("Shop.Tests.Cart.Sums", all: true, DateTime.MaxValue);
        var again = Recorded();

        ended.Add("Shop.Tests.Cart.Sums", again);

        Assert.Same(again, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false, DateTime.MaxValue)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Take_StartedAfterTheTestEnded_StaysForTheTestItBelongsTo(bool all)
    {
        // A theory's row 2 ran no hook and ended at 10:00:01; row 3's recording started at 10:00:02.
        var ended = new EndedTests();
        var (row1, row3) = (Recorded(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc)), Recorded(new DateTime(2026, 12, 7, 10, 0, 2, DateTimeKind.Utc)));
        ended.Add("Shop.Tests.Cart.Sums", row1);
        ended.Add("Shop.Tests.Cart.Sums", row3);

        Assert.Same(row1, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all, new DateTime(2026, 12, 7, 10, 0, 0, 500, DateTimeKind.Utc))));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all, new DateTime(2026, 12, 7, 10, 0, 1, DateTimeKind.Utc)));
        Assert.Same(row3, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all, new DateTime(2026, 12, 7, 10, 0, 3, DateTimeKind.Utc))));
    }

    private static RecordedTest Recorded(DateTime? started = null)
    {
        var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        if (started is { } start)
        {
            activity.SetStartTime(start);
        }

        activity.Start();
        activity.Stop();
        return new RecordedTest(activity);
    }
}
