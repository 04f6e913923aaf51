using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// RaceSample's flaky test starts background work and checks after a fixed wait: the work is the
/// test's, in its trace, even when it ends after the test, and is then marked late.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class LateWorkTests(PackageFeed feed)
{
    [Fact]
    public void WorkThatOutlivesItsTest_StaysInItsTraceMarkedLate()
    {
        using var sample = SampleProject.Create("RaceSample", feed);
        var settings = Path.Combine(sample.Root, "race.runsettings");
        File.WriteAllText(settings, """
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>RaceSample.*</ActivitySources></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);

        // The sample fails at random; each run gives one execution of the racy test.
        var sends = new List<(FileSpan Test, FileSpan Work)>();
        for (var run = 0; run < 3; run++)
        {
            var traced = sample.Test(["--settings", settings]);
            var test = traced.TestSpans.Single(s => s.Attribute("code.function.name") == "Sends_Confirmation");
            var work = Assert.Single(traced.Spans, s => s.Name == "SendConfirmation");
            sends.Add((test, work));
        }

        Assert.All(sends, p =>
        {
            Assert.Equal(p.Test.TraceId, p.Work.TraceId);
            var endedAfter = p.Work.EndUnixNano > p.Test.EndUnixNano;
            Assert.Equal(endedAfter, p.Work.Attributes.TryGetValue("flakytrace.span.late", out var late) && late is true);
            // A failed run is one where the work was not done when the test checked, after its fixed 150 ms
            // wait. It may still end before the test span does, while the assertion's exception is built
            // (on a loaded machine, it did): the check, not the test's end, is what it lost the race to.
            if (p.Test.StatusCode == 2)
            {
                Assert.True(p.Work.EndUnixNano > p.Test.StartUnixNano + 150_000_000, $"the work ended {(p.Work.EndUnixNano - p.Test.StartUnixNano) / 1e6:0.0} ms into a test that checked after 150 ms");
            }
        });
    }
}
