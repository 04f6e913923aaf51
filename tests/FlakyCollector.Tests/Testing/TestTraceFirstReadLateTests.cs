using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Testing;
using FlakyCollector.Tests.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Testing;

/// <summary>
/// A test whose trace is first read after its work ended, where no listener of the API ran yet (the
/// API used only from a helper library, so the compiled module initializer did not start it): a
/// traced run's recorder already holds that work, and the API must answer as if it had listened.
/// A listener of its own stands in for the process-wide one, which other tests have long started.
/// </summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class TestTraceFirstReadLateTests
{
    private const string WorkSourceName = "FlakyCollector.Tests.TraceApi.Late";

    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Work = new(WorkSourceName);

    [Fact]
    public void CurrentTrace_FirstReadAfterTheWork_Traced_SeesWhatTheRecorderKept()
    {
        using var recorder = new ActivityRecorder(new SourceFilter([WorkSourceName]));
        var listener = new TestSpanListener();
        listener.AddRecorder(recorder);
        var test = StartHookTest();
        var reserve = Work.StartActivity("ReserveStock")!;
        reserve.Stop();

        var trace = listener.CurrentTrace()!;
        listener.Listen([WorkSourceName]);
        Work.StartActivity("Charge")!.Stop();

        Assert.Equal(["ReserveStock", "Charge"], trace.Spans.Select(s => s.Name));
        Assert.Equal(reserve.SpanId.ToHexString(), trace.Spans[0].SpanId);
        Assert.Equal(test.SpanId.ToHexString(), trace.Spans[0].ParentSpanId);
        test.Stop();
    }

    [Fact]
    public void CurrentTrace_FirstReadAfterTheWork_Untraced_SeesWhatEndsFromThenOn()
    {
        // Untraced, nothing kept the earlier work: the documented limit, which the compiled module initializer avoids.
        var listener = new TestSpanListener();
        var test = StartHookTest();
        Work.StartActivity("ReserveStock")?.Stop();

        var trace = listener.CurrentTrace()!;
        listener.Listen([WorkSourceName]);
        Work.StartActivity("Charge")!.Stop();

        Assert.Equal(["Charge"], trace.Spans.Select(s => s.Name));
        test.Stop();
    }

    [Fact]
    public void CurrentTrace_RecorderGone_NothingSeeded()
    {
        var recorder = new ActivityRecorder(new SourceFilter([WorkSourceName]));
        var listener = new TestSpanListener();
        listener.AddRecorder(recorder);
        listener.RemoveRecorder(recorder);
        var test = StartHookTest();
        Work.StartActivity("ReserveStock")!.Stop();

        Assert.Empty(listener.CurrentTrace()!.Spans);
        recorder.Dispose();
        test.Stop();
    }

    private static Activity StartHookTest()
    {
        Activity.Current = null;
        var test = HookSource.StartActivity("Shop.Tests.TraceApi.LateRead")!;
        test.SetTag(TestActivityNames.KeyTag, "Shop.Tests.TraceApi.LateRead");
        return test;
    }
}
