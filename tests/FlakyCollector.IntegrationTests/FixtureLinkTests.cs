using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// Work a fixture does (a class fixture's constructor, a collection fixture's InitializeAsync, a
/// OneTimeSetUp, a ClassInitialize) runs outside any test, in traces of its own. Each test the
/// fixture served links to the root of every such trace, typed <c>flakytrace.link.type=fixture</c>;
/// tests of a class without a fixture link to none. The test code is unchanged.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class FixtureLinkTests(PackageFeed feed)
{
    [Fact]
    public void Xunit_ClassAndCollectionFixtures_AreLinkedFromTheTestsTheyServed()
    {
        var run = Traced("FixturesXunit");

        AssertLinked(run, "FixturesXunit.StockTests", ["class-fixture"], tests: 2);
        AssertLinked(run, "FixturesXunit.CatalogSearchTests", ["collection-fixture-warmup", "collection-fixture-seed"], tests: 1);
        AssertLinked(run, "FixturesXunit.CatalogBrowseTests", ["collection-fixture-warmup", "collection-fixture-seed"], tests: 1);
        AssertLinked(run, "FixturesXunit.PlainTests", [], tests: 1);
    }

    [Fact]
    public void NUnit_OneTimeSetUp_IsLinkedFromTheFixturesTests()
    {
        var run = Traced("FixturesNUnit");

        AssertLinked(run, "FixturesNUnit.StockTests", ["one-time-setup", "one-time-setup-seed"], tests: 2);
        AssertLinked(run, "FixturesNUnit.PlainTests", [], tests: 1);
    }

    [Fact]
    public void MSTest_ClassInitialize_IsLinkedFromTheClassesTests()
    {
        var run = Traced("FixturesMSTest");

        AssertLinked(run, "FixturesMSTest.StockTests", ["class-initialize"], tests: 2);
        AssertLinked(run, "FixturesMSTest.PlainTests", [], tests: 1);
    }

    private SampleRun Traced(string sampleName)
    {
        using var sample = SampleProject.Create(sampleName, feed);
        var run = sample.Test(["--collect", "FlakyTrace"]);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        // Read the spans before the sample's folder goes.
        _ = run.Spans;
        return run;
    }

    /// <summary>Every test of <paramref name="suite"/> links to exactly the fixture calls named by <paramref name="callers"/>.</summary>
    private static void AssertLinked(SampleRun run, string suite, string[] callers, int tests)
    {
        var suiteTests = run.TestSpans.Where(s => s.Attribute("test.suite.name") == suite).ToList();
        Assert.Equal(tests, suiteTests.Count);
        foreach (var test in suiteTests)
        {
            var linked = test.Links
                .Where(l => l.Attributes.TryGetValue("flakytrace.link.type", out var type) && type as string == "fixture")
                .Select(l => run.Spans.SingleOrDefault(s => s.TraceId == l.TraceId && s.SpanId == l.SpanId))
                .ToList();
            Assert.All(linked, root =>
            {
                Assert.NotNull(root);
                Assert.Null(root.ParentSpanId);
                Assert.False(root.Attributes.ContainsKey("test.case.name"));
                Assert.Contains(suite, root.Attribute("flakytrace.fixture.suites") ?? string.Empty);
            });
            var calledBy = linked.Select(root => root!.Attribute("url.full") is { } url ? new Uri(url).AbsolutePath.Trim('/') : "?");
            Assert.Equal(callers.Order(), calledBy.Order());
        }
    }
}
