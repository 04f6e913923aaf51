using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// 40 parallel xUnit v3 tests on Microsoft.Testing.Platform, each calling an ASP.NET Core app on
/// Kestrel in the same process: every client span, server span and traceparent under its own test.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PlatformAttributionTests(PackageFeed feed)
{
    [Fact]
    public void EveryCall_LandsUnderTheTestThatMadeIt()
    {
        using var sample = SampleProject.Create("AttributionXunitV3Mtp", feed);

        var run = sample.TestOnPlatform(["--flaky-trace"]);

        Assert.Equal(0, run.Process.ExitCode);
        Assert.Equal(40, run.TrxResults.Count);
        Assert.Equal(40, run.TestSpans.Count);
        foreach (var test in run.TestSpans)
        {
            var client = Assert.Single(run.Spans, s => s.ParentSpanId == test.SpanId && s.Scope == "System.Net.Http");
            var server = Assert.Single(run.Spans, s => s.ParentSpanId == client.SpanId && s.Scope == "Microsoft.AspNetCore");
            Assert.Equal(test.TraceId, client.TraceId);
            Assert.Equal(test.TraceId, server.TraceId);
            Assert.Equal(2, server.Kind);
            var output = run.TrxResults.Single(r => r.TestName == test.Name).Output;
            Assert.Contains($" 00-{test.TraceId}-{client.SpanId}-01", output, StringComparison.Ordinal);
        }

        Assert.Equal(120, run.Spans.Count(s => s.Scope != "FlakyTrace" || s.Attributes.ContainsKey("test.case.name")));
    }
}
