using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>A test project with its own OpenTelemetry (1.9.0) keeps working, and its spans join the test's trace.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OpenTelemetryCoexistenceTests(PackageFeed feed)
{
    [Fact]
    public void TheUsersOwnOpenTelemetry_KeepsWorking_AndItsSpansAreChildrenOfTheTest()
    {
        using var sample = SampleProject.Create("OpenTelemetryUser", feed);
        var settings = Path.Combine(sample.Directory, "sources.runsettings");
        File.WriteAllText(settings, """
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>MyCompany.*</ActivitySources></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);

        var run = sample.Test(["--collect", "FlakyTrace", "--settings", settings]);

        Assert.Equal(0, run.Process.ExitCode);
        var test = Assert.Single(run.TestSpans);
        Assert.Equal("pass", test.Attribute("test.case.result.status"));
        var placed = Assert.Single(run.Spans, s => s.Name == "PlaceOrder");
        Assert.Equal("MyCompany.Orders", placed.Scope);
        Assert.Equal(test.TraceId, placed.TraceId);
        Assert.Equal(test.SpanId, placed.ParentSpanId);
        Assert.Equal(42L, placed.Attributes["order.id"]);
    }
}
