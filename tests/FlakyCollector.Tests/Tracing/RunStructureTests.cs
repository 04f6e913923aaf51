using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class RunStructureTests
{
    private const string Source = "/bin/Shop.Tests.dll";

    [Fact]
    public void TraceId_SameRunId_SameTraceInEveryProcess()
    {
        Assert.Equal(new RunStructure("run-1", "1.0").TraceId, new RunStructure("run-1", "1.0").TraceId);
        Assert.NotEqual(new RunStructure("run-1", "1.0").TraceId, new RunStructure("run-2", "1.0").TraceId);
        Assert.Matches("^[0-9a-f]{32}$", new RunStructure("run-1", "1.0").TraceId);
    }

    [Fact]
    public void Register_LinksTheTestToItsClassSpan_InTheRunTrace()
    {
        var run = new RunStructure("run-1", "1.0");

        var link = run.Register(Source, "Shop.Tests.OrdersTests", Test(0, 10), TestOutcome.Passed);
        var spans = run.Build(Source, aborted: false);

        var suite = spans.Single(s => s.Name == "test suite Shop.Tests.OrdersTests");
        Assert.Equal(run.TraceId, link.TraceId);
        Assert.Equal(suite.SpanId, link.SpanId);
    }

    [Fact]
    public void Register_ClassesInterleavedAndOneClassNameInTwoAssemblies_EachTestLinksToItsOwnClass()
    {
        const string other = "/bin/Shop.Api.Tests.dll";
        var run = new RunStructure("run-1", "1.0");

        var links = new[]
        {
            run.Register(Source, "Shop.Tests.OrdersTests", Test(0, 10), TestOutcome.Passed),
            run.Register(Source, "Shop.Tests.CartTests", Test(10, 20), TestOutcome.Passed),
            run.Register(Source, "Shop.Tests.OrdersTests", Test(20, 30), TestOutcome.Failed),
            run.Register(other, "Shop.Tests.OrdersTests", Test(30, 40), TestOutcome.Passed),
            run.Register(other, "Shop.Tests.OrdersTests", Test(40, 50), TestOutcome.Passed),
        };

        var orders = run.Build(Source, aborted: false).Single(s => s.Name == "test suite Shop.Tests.OrdersTests");
        var cart = run.Build(Source, aborted: false).Single(s => s.Name == "test suite Shop.Tests.CartTests");
        var otherOrders = run.Build(other, aborted: false).Single(s => s.Name == "test suite Shop.Tests.OrdersTests");
        Assert.Equal([orders.SpanId, cart.SpanId, orders.SpanId, otherOrders.SpanId, otherOrders.SpanId], links.Select(l => l.SpanId));
        Assert.Equal((0L, 30L), (orders.StartTimeUnixNano, orders.EndTimeUnixNano));
        Assert.Equal((30L, 50L), (otherOrders.StartTimeUnixNano, otherOrders.EndTimeUnixNano));
        Assert.Equal("failure", Status(orders));
        Assert.Equal("success", Status(otherOrders));
        Assert.Equal(otherOrders.ParentSpanId, run.Build(other, aborted: false).Single(s => s.ParentSpanId is null).SpanId);
    }

    [Fact]
    public void Build_AssemblyAndClassSpans_SpanTheirTestsAndCarryTheStatus()
    {
        var run = new RunStructure("run-1", "1.0");
        run.Register(Source, "Shop.Tests.OrdersTests", Test(100, 200), TestOutcome.Passed);
        run.Register(Source, "Shop.Tests.OrdersTests", Test(150, 400), TestOutcome.Failed);
        run.Register(Source, "Shop.Tests.CartTests", Test(50, 90), TestOutcome.Passed);
        run.Register(Source, "Shop.Tests.IgnoredTests", Test(60, 61), TestOutcome.Skipped);

        var spans = run.Build(Source, aborted: false);

        var assembly = spans.Single(s => s.ParentSpanId is null);
        Assert.Equal("test assembly Shop.Tests", assembly.Name);
        Assert.Equal((50L, 400L), (assembly.StartTimeUnixNano, assembly.EndTimeUnixNano));
        Assert.Equal("failure", Status(assembly));
        var orders = spans.Single(s => s.Name == "test suite Shop.Tests.OrdersTests");
        Assert.Equal(assembly.SpanId, orders.ParentSpanId);
        Assert.Equal((100L, 400L), (orders.StartTimeUnixNano, orders.EndTimeUnixNano));
        Assert.Equal(SpanStatusCode.Error, orders.StatusCode);
        Assert.Equal("success", Status(spans.Single(s => s.Name == "test suite Shop.Tests.CartTests")));
        Assert.Equal("skipped", Status(spans.Single(s => s.Name == "test suite Shop.Tests.IgnoredTests")));
        Assert.All(spans, s => Assert.Equal(run.TraceId, s.TraceId));
    }

    [Fact]
    public void Build_AbortedRun_EverySuiteAborted()
    {
        var run = new RunStructure("run-1", "1.0");
        run.Register(Source, "Shop.Tests.OrdersTests", Test(0, 10), TestOutcome.Passed);

        Assert.All(run.Build(Source, aborted: true), s => Assert.Equal("aborted", Status(s)));
    }

    [Fact]
    public void Build_DetachedRootSpans_AreLinkedFromTheAssemblySpan()
    {
        var run = new RunStructure("run-1", "1.0");
        run.Register(Source, "Shop.Tests.OrdersTests", Test(0, 10), TestOutcome.Passed);
        var fixtureRoot = Test(0, 5) with { TraceId = "11111111111111111111111111111111", SpanId = "2222222222222222" };
        var fixtureChild = fixtureRoot with { SpanId = "3333333333333333", ParentSpanId = fixtureRoot.SpanId };

        run.AddDetachedRoots(Source, [fixtureRoot, fixtureChild]);

        var assembly = run.Build(Source, aborted: false).Single(s => s.ParentSpanId is null);
        var link = Assert.Single(assembly.Links);
        Assert.Equal((fixtureRoot.TraceId, fixtureRoot.SpanId), (link.TraceId, link.SpanId));
    }

    [Fact]
    public void Build_UnknownSource_Nothing()
    {
        Assert.Empty(new RunStructure(null, "1.0").Build(Source, aborted: false));
    }

    private static string? Status(SpanData span) =>
        span.Attributes.Single(a => a.Key == TestAttributeNames.SuiteRunStatus).Value as string;

    private static SpanData Test(long start, long end) => new()
    {
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        SpanId = "b7ad6b7169203331",
        Name = "test",
        StartTimeUnixNano = start,
        EndTimeUnixNano = end,
        ScopeName = "FlakyTrace",
    };
}
