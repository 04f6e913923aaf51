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

        Assert.Same(test, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: true)));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all: true));
    }

    [Fact]
    public void Take_SeveralUnderOneKey_OldestFirstOneAtATime()
    {
        var ended = new EndedTests();
        var (first, second, third) = (Recorded(), Recorded(), Recorded());
        ended.Add("Shop.Tests.Cart.Sums", first);
        ended.Add("Shop.Tests.Cart.Sums", second);
        ended.Add("Shop.Tests.Cart.Sums", third);

        Assert.Same(first, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false)));
        Assert.Same(second, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false)));
        Assert.Same(third, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false)));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all: false));
    }

    [Fact]
    public void Take_All_EveryOneOldestFirstAndOtherKeysKept()
    {
        var ended = new EndedTests();
        var (first, second, other) = (Recorded(), Recorded(), Recorded());
        ended.Add("Shop.Tests.Cart.Sums", first);
        ended.Add("Shop.Tests.Cart.Totals", other);
        ended.Add("Shop.Tests.Cart.Sums", second);

        Assert.Equal([first, second], ended.Take("Shop.Tests.Cart.Sums", all: true));
        Assert.Empty(ended.Take("Shop.Tests.Cart.Sums", all: true));
        Assert.Same(other, Assert.Single(ended.Take("Shop.Tests.Cart.Totals", all: true)));
    }

    [Fact]
    public void Add_AfterAKeyWasEmptied_FiledAgain()
    {
        var ended = new EndedTests();
        ended.Add("Shop.Tests.Cart.Sums", Recorded());
        ended.Add("Shop.Tests.Cart.Sums", Recorded());
        ended.Take("Shop.Tests.Cart.Sums", all: true);
        var again = Recorded();

        ended.Add("Shop.Tests.Cart.Sums", again);

        Assert.Same(again, Assert.Single(ended.Take("Shop.Tests.Cart.Sums", all: false)));
    }

    private static RecordedTest Recorded()
    {
        var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        activity.Start();
        activity.Stop();
        return new RecordedTest(activity);
    }
}
