using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlakyCollector.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Recording;

/// <summary>
/// A test that has ended waits in the recorder until its runner reports it; xUnit under VSTest
/// runs tens of thousands of tests ahead. What waits is what the span needs, not the activity.
/// </summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class WaitingTestRetentionTests : IDisposable
{
    private const string TestKey = "Shop.Tests.OrdersTests.Waits";
    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);

    private readonly ActivityRecorder recorder = new(new SourceFilter(["FlakyCollector.Tests.Retention"]));

    public void Dispose() => recorder.Dispose();

    [Fact]
    public void EndedTest_WaitingToBeTaken_HoldsNotItsActivity_ButItsSpanStillComesWhole()
    {
        var (stopped, spanId, duration) = RunHookTest();

        for (var attempt = 0; attempt < 5 && stopped.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(stopped.IsAlive, "the recorder still holds the stopped test activity");
        var trace = Assert.Single(recorder.TakeEnded(TestKey, outcome: null));
        var span = ActivitySpanConverter.Convert(trace.Stopped);
        Assert.Equal((spanId.ToHexString(), TestKey, duration.Ticks * 100), (span.SpanId, span.Name, span.EndTimeUnixNano - span.StartTimeUnixNano));
        Assert.Contains(span.Attributes, a => a.Key == TestActivityNames.KeyTag && Equals(a.Value, TestKey));
    }

    // Not inlined: no local of the caller's frame may keep the activity alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Stopped, ActivitySpanId SpanId, TimeSpan Duration) RunHookTest()
    {
        Activity.Current = null;
        var activity = HookSource.StartActivity(TestKey, ActivityKind.Internal)!;
        activity.SetTag(TestActivityNames.KeyTag, TestKey);
        activity.Stop();
        return (new WeakReference(activity), activity.SpanId, activity.Duration);
    }
}
