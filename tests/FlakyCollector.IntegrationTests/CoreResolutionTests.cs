using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The in-process collector needs FlakyCollector.Core. A .NET 8+ test project references it; any
/// other (an older runtime, or the package's references switched off) must find it beside the
/// collector, or every test loses its recording.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class CoreResolutionTests(PackageFeed feed)
{
    [Fact]
    public void WithoutTheCoreReference_TheTesthostStillRecords()
    {
        using var sample = SampleProject.Create("XunitSample", feed);

        var run = sample.Test(["--collect", "FlakyTrace", "-p:FlakyTraceEnabled=false"]);

        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        Assert.False(File.Exists(Path.Combine(sample.Directory, "bin", "Debug", "net10.0", "FlakyCollector.Core.dll")));
        var rows = run.TestSpans.Where(s => s.Attribute("code.function.name") == "Sums_Rows").ToList();
        Assert.Equal(3, rows.Count);
        // Recorded from inside (not "collector"): the hook's own interval, or the framework's where the
        // hook's disagreed with the framework's duration (a failing row's exception costs the hook more).
        Assert.All(rows, s => Assert.Contains(s.Attribute("flakytrace.timing"), new[] { "hook", "framework" }));
        Assert.DoesNotContain("timed from the test framework's events", run.Process.Output, StringComparison.Ordinal);
    }
}
