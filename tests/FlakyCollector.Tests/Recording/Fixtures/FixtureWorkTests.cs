using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Recording.Fixtures;

/// <summary>Work a fixture does outside any test is recorded as a root marked with the classes it served.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class FixtureWorkTests : IDisposable
{
    private readonly ActivityRecorder recorder = new(new SourceFilter([WarmedIndex.Source.Name]));

    public void Dispose() => recorder.Dispose();

    [Fact]
    public void WorkInAClassFixturesConstructor_RootNamesTheClassesItServed()
    {
        _ = new WarmedIndex();

        var root = Assert.Single(recorder.Detached.Drain());
        Assert.Null(root.ParentSpanId);
        var suites = Assert.IsType<string[]>(root.Attributes.Single(a => a.Key == TestAttributeNames.FixtureSuites).Value);
        Assert.Contains(typeof(UsesWarmedIndex).FullName, suites);
    }

    [Fact]
    public void WorkInAClassFixturesConstructor_LinkedFromTheRecordingsOfTheClassesItServed()
    {
        _ = new WarmedIndex();
        var root = Assert.Single(recorder.Detached.Drain());

        var link = Assert.Single(recorder.FixtureLinksServing(typeof(UsesWarmedIndex).FullName!));
        Assert.Equal((root.TraceId, root.SpanId), (link.TraceId, link.SpanId));
        Assert.Empty(recorder.FixtureLinksServing(typeof(FixtureWorkTests).FullName!));
    }

    [Fact]
    public void WorkOfNoFixture_RootUnmarked()
    {
        using (WarmedIndex.Source.StartActivity("background tick"))
        {
        }

        var root = Assert.Single(recorder.Detached.Drain());
        Assert.DoesNotContain(root.Attributes, a => a.Key == TestAttributeNames.FixtureSuites);
    }
}
