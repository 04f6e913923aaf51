using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Testing;
using FlakyCollector.Tests.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Testing;

[Collection(ActivityRecorderCollection.Name)]
public sealed class TestTraceTests
{
    private const string WorkSourceName = "FlakyCollector.Tests.TraceApi.Work";

    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Work = new(WorkSourceName);
    private static readonly ActivitySource Other = new("FlakyCollector.Tests.TraceApi.Other");

    public TestTraceTests() => TestTrace.Listen("FlakyCollector.Tests.TraceApi.Work*");

    [Fact]
    public void Spans_HookTest_HoldsItsOwnFinishedChildrenOnly()
    {
        var (trace, test) = StartHookTest();
        RunInOtherTest(() => Work.StartActivity("other test's work")?.Stop());
        using (Work.StartActivity("ReserveStock", ActivityKind.Internal))
        {
        }

        using var open = Work.StartActivity("still running");
        Other.StartActivity("not listened to")?.Stop();

        var span = Assert.Single(trace.Spans);
        Assert.Equal(("ReserveStock", WorkSourceName, ActivityKind.Internal), (span.Name, span.Source, span.Kind));
        Assert.Equal(test.SpanId.ToHexString(), span.ParentSpanId);
        Assert.Equal(test.TraceId.ToHexString(), trace.TraceId);
        test.Stop();
    }

    [Fact]
    public void Spans_AfterTheTestEnded_KeepsWhatItSawAndTakesNoMore()
    {
        var (trace, test) = StartHookTest();
        Work.StartActivity("during")?.Stop();
        using var late = Work.StartActivity("after the test");
        test.Stop();
        late!.Stop();

        Assert.Equal(["during"], trace.Spans.Select(s => s.Name));
    }

    [Fact]
    public async Task WaitForSpanAsync_SpanAlreadyEnded_CompletesAtOnce()
    {
        var (trace, test) = StartHookTest();
        Work.StartActivity("SendConfirmation")?.Stop();

        var task = trace.WaitForSpanAsync(s => s.Name == "SendConfirmation", TimeSpan.FromSeconds(10));

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal("SendConfirmation", (await task).Name);
        test.Stop();
    }

    [Fact]
    public async Task WaitForSpanAsync_SpanEndsLaterInBackground_CompletesWithIt()
    {
        var (trace, test) = StartHookTest();
        using var started = new ManualResetEventSlim();
        var background = Task.Run(() =>
        {
            using var activity = Work.StartActivity("SendConfirmation");
            activity?.SetTag("order.id", 4711);
            started.Wait();
        });

        var wait = trace.WaitForSpanAsync(s => s.Name == "SendConfirmation", TimeSpan.FromSeconds(30));
        Assert.False(wait.IsCompleted);
        started.Set();
        var span = await wait;

        Assert.Equal(4711, span.Tags["order.id"]);
        await background;
        test.Stop();
    }

    [Fact]
    public async Task WaitForSpanAsync_NoMatch_ThrowsTimeoutListingTheSpansSeen()
    {
        var (trace, test) = StartHookTest();
        Work.StartActivity("ReserveStock")?.Stop();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => trace.WaitForSpanAsync(s => s.Name == "Charge", TimeSpan.FromMilliseconds(50)));

        Assert.Contains("within 50 ms", error.Message, StringComparison.Ordinal);
        Assert.Contains("Spans seen (1):", error.Message, StringComparison.Ordinal);
        Assert.Contains($"ReserveStock [{WorkSourceName}, Internal, Unset,", error.Message, StringComparison.Ordinal);
        test.Stop();
    }

    [Fact]
    public async Task WaitForSpanAsync_ConditionThrows_FailsWithItsException()
    {
        var (trace, test) = StartHookTest();
        var wait = trace.WaitForSpanAsync(s => throw new InvalidOperationException("bad condition"), TimeSpan.FromSeconds(30));

        Work.StartActivity("anything")?.Stop();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => wait);
        Assert.Equal("bad condition", error.Message);
        test.Stop();
    }

    [Fact]
    public async Task Current_NoTestActivity_StartsATraceForTheRestOfTheTest()
    {
        await Task.Run(() =>
        {
            Activity.Current = null;
            var trace = TestTrace.Current;

            Work.StartActivity("after first use")?.Stop();

            Assert.NotNull(trace);
            Assert.Equal(["after first use"], trace.Spans.Select(s => s.Name));
            Assert.Same(trace, TestTrace.Current);
        });
    }

    [Fact]
    public void Current_InsideATraceThatIsNotATests_IsNull()
    {
        Activity.Current = null;
        using var fixture = Work.StartActivity("class fixture");

        Assert.Null(TestTrace.Current);
    }

    [Fact]
    public void Spans_RecorderRunning_SeesTheRecordersSourcesAndLeavesItsRecordingWhole()
    {
        const string key = "Shop.Tests.TraceApi.Recorded";
        var recorderOnly = new ActivitySource("FlakyCollector.Tests.TraceApi.RecorderOnly");
        using var recorder = new ActivityRecorder(new SourceFilter(["FlakyCollector.Tests.TraceApi.RecorderOnly"]));
        var (trace, test) = StartHookTest(key);

        recorderOnly.StartActivity("from the run settings")?.Stop();
        Work.StartActivity("named by the test")?.Stop();
        test.Stop();

        Assert.Equal(["from the run settings", "named by the test"], trace.Spans.Select(s => s.Name));
        var recorded = Assert.Single(recorder.TakeEnded(key, outcome: null));
        Assert.Equal(["from the run settings"], recorded.TakeChildren().Select(s => s.Name));
    }

    private static (TestTrace Trace, Activity Test) StartHookTest(string key = "Shop.Tests.TraceApi.Test")
    {
        Activity.Current = null;
        var test = HookSource.StartActivity(key)!;
        test.SetTag(TestActivityNames.KeyTag, key);
        return (TestTrace.Current!, test);
    }

    private static void RunInOtherTest(Action work)
    {
        var saved = Activity.Current;
        var (_, other) = StartHookTest("Shop.Tests.TraceApi.Other");
        work();
        other.Stop();
        Activity.Current = saved;
    }
}
