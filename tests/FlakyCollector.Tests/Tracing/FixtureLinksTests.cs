using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class FixtureLinksTests
{
    private static readonly SpanData FixtureRoot = new()
    {
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        SpanId = "b7ad6b7169203331",
        Name = "POST",
        StartTimeUnixNano = 1,
        EndTimeUnixNano = 2,
        ScopeName = "System.Net.Http",
        Attributes = [new(TestAttributeNames.FixtureSuites, new[] { "Shop.SearchTests", "Shop.SuggestionTests" })],
    };

    [Fact]
    public void Link_TestOfAServedClass_LinksToTheFixturesRoot()
    {
        var links = new FixtureLinks();
        links.Add([FixtureRoot, FixtureRoot with { SpanId = "00f067aa0ba902b7", ParentSpanId = "b7ad6b7169203331", Attributes = [] }]);

        var linked = links.Link(Test("Shop.SuggestionTests"), recorded: null);

        var link = Assert.Single(linked.Links);
        Assert.Equal((FixtureRoot.TraceId, FixtureRoot.SpanId), (link.TraceId, link.SpanId));
        Assert.Contains(new SpanAttribute(TestAttributeNames.LinkType, TestAttributeNames.FixtureLinkType), link.Attributes);
    }

    [Fact]
    public void Link_TestOfAnotherClass_Unchanged()
    {
        var links = new FixtureLinks();
        links.Add([FixtureRoot]);
        var test = Test("Shop.CheckoutTests");

        Assert.Same(test, links.Link(test, recorded: null));
    }

    [Fact]
    public void Link_RecordedLinksOfAnotherTypeOnly_Unchanged()
    {
        var links = new FixtureLinks();
        links.Add([FixtureRoot]);
        var test = Test("Shop.CheckoutTests");
        var captured = new SpanLinkData("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", [new(TestAttributeNames.LinkType, "captured")]);

        Assert.Same(test, links.Link(test, recorded: [captured]));
    }

    [Fact]
    public void Link_ResultArrivedBeforeTheFixturesRoot_LinkedFromWhatItsTestProcessRecorded()
    {
        // Parallel classes: another class's result carried the root, and reached here after this one.
        var links = new FixtureLinks();

        var linked = links.Link(Test("Shop.SearchTests"), recorded: [FixtureLinks.To(FixtureRoot)]);

        var link = Assert.Single(linked.Links);
        Assert.Equal((FixtureRoot.TraceId, FixtureRoot.SpanId), (link.TraceId, link.SpanId));
    }

    [Fact]
    public void Link_RootKnownHereAndRecorded_LinkedOnce()
    {
        var links = new FixtureLinks();
        links.Add([FixtureRoot]);
        var captured = new SpanLinkData("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", [new(TestAttributeNames.LinkType, "captured")]);

        var linked = links.Link(Test("Shop.SearchTests"), recorded: [FixtureLinks.To(FixtureRoot), captured]);

        // Only fixture links are taken from the recording; the others are not this class's business.
        var link = Assert.Single(linked.Links);
        Assert.Equal(FixtureRoot.SpanId, link.SpanId);
    }

    private static SpanData Test(string suite) => new()
    {
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId = "a3ce929d0e0e4736",
        Name = suite + ".Finds",
        StartTimeUnixNano = 3,
        EndTimeUnixNano = 4,
        ScopeName = "FlakyTrace",
        Attributes = [new(TestAttributeNames.SuiteName, suite), new(TestAttributeNames.CaseName, suite + ".Finds")],
    };
}
