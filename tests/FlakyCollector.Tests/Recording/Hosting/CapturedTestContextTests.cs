using System.Diagnostics;
using FlakyCollector.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Recording.Hosting;

/// <summary>
/// Work that merely captured a test's context (started after the test ended) leaves the test's
/// trace; work the test started that outlives it stays.
/// </summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class CapturedTestContextTests : IDisposable
{
    private const string SourceName = "FlakyCollector.Tests.CapturedContext";
    private static readonly ActivitySource Source = new(SourceName);

    private readonly ActivityRecorder recorder = new(new SourceFilter([SourceName]));

    public void Dispose() => recorder.Dispose();

    [Fact]
    public void Branch_StartedAfterTheTestEnded_IsDetachedIntoATraceOfItsOwn()
    {
        var test = recorder.StartTest("Orders.Tick")!;
        var captured = ExecutionContext.Capture()!;
        var activity = test.Running!;
        activity.Stop();

        Activity? tick = null;
        Activity? call = null;
        ExecutionContext.Run(captured, _ =>
        {
            tick = Source.StartActivity("Tick");
            call = Source.StartActivity("GET", ActivityKind.Client);
            call!.Stop();
            tick!.Stop();
        }, null);
        recorder.FinishTest(test);

        Assert.Same(activity, tick!.Parent);
        Assert.Empty(test.TakeChildren());
        var detached = recorder.Detached.Drain();
        var top = Assert.Single(detached, s => s.Name == "Tick");
        var child = Assert.Single(detached, s => s.Name == "GET");
        Assert.NotEqual(test.TraceId.ToHexString(), top.TraceId);
        Assert.Equal(top.TraceId, child.TraceId);
        Assert.Null(top.ParentSpanId);
        Assert.Equal(top.SpanId, child.ParentSpanId);
        var link = Assert.Single(top.Links);
        Assert.Equal((activity.TraceId.ToHexString(), activity.SpanId.ToHexString()), (link.TraceId, link.SpanId));
    }

    [Fact]
    public void Branch_StartedDuringTheTest_StaysTheTestsEvenWhenItOutlivesIt()
    {
        var test = recorder.StartTest("Orders.Race")!;
        var slow = Source.StartActivity("SlowCall")!;
        test.Running!.Stop();

        // The slow call's own flow goes on after the test and opens a span under it.
        Activity.Current = slow;
        var late = Source.StartActivity("Retry")!;
        late.Stop();
        slow.Stop();
        recorder.FinishTest(test);

        var children = test.TakeChildren();
        Assert.Equal(["Retry", "SlowCall"], children.Select(c => c.Name).Order());
        Assert.All(children, c => Assert.Equal(test.TraceId.ToHexString(), c.TraceId));
        Assert.Empty(recorder.Detached.Drain());
    }
}
