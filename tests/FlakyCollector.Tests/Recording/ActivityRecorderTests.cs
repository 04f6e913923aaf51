using System.Diagnostics;
using System.Reflection;
using FlakyCollector.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Recording;

[Collection(ActivityRecorderCollection.Name)]
public sealed class ActivityRecorderTests : IDisposable
{
    private const string ListenedSourceName = "FlakyCollector.Tests.Recorder.Listened";
    private const string TestKey = "Shop.Tests.OrdersTests.Create";

    // The assembly-level hooks' source: same name as the recorder's own, another instance.
    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Listened = new(ListenedSourceName, "3.0.0");
    private static readonly ActivitySource NotListened = new("FlakyCollector.Tests.Recorder.Ignored");

    private readonly ActivityRecorder recorder = new(new SourceFilter([ListenedSourceName]));

    public void Dispose() => recorder.Dispose();

    [Fact]
    public void TakeEnded_HookTestWithChild_TraceWithChild()
    {
        var test = StartHookTest(TestKey);
        using (Listened.StartActivity("GET /orders", ActivityKind.Client))
        {
        }

        test.Stop();
        var trace = Assert.Single(recorder.TakeEnded(TestKey, outcome: null));

        Assert.Null(trace.Running);
        Assert.Equal((test.SpanId, test.Duration), (trace.Stopped.SpanId, trace.Stopped.Duration));
        var child = Assert.Single(trace.TakeChildren());
        Assert.Equal("GET /orders", child.Name);
        Assert.Equal(test.TraceId.ToHexString(), child.TraceId);
        Assert.Equal(test.SpanId.ToHexString(), child.ParentSpanId);
        Assert.Equal(ListenedSourceName, child.ScopeName);
        Assert.Empty(recorder.Detached.Drain());
    }

    [Fact]
    public void TestEnded_Handled_RecordingHandedOverWithItsChildren_NotFiled()
    {
        var handed = new List<(string Key, RecordedTest Trace)>();
        recorder.TestEnded += (key, trace) => handed.Add((key, trace));
        var test = StartHookTest(TestKey);
        using (Listened.StartActivity("GET /orders", ActivityKind.Client))
        {
        }

        // Work the test started that ends after it was handed over is its late work, not a child.
        var late = Listened.StartActivity("late", ActivityKind.Client);
        test.Stop();
        late!.Stop();

        var (key, trace) = Assert.Single(handed);
        Assert.Equal(TestKey, key);
        Assert.Equal(test.SpanId, trace.Stopped.SpanId);
        Assert.Equal("GET /orders", Assert.Single(trace.TakeChildren()).Name);
        Assert.Empty(recorder.TakeEnded(TestKey, outcome: "Passed"));
        Assert.Contains(recorder.Detached.Drain(), s => s.Name == "late" && s.Attributes.Contains(new(TestActivityNames.LateAttribute, true)));
    }

    [Fact]
    public void TakeEnded_TakenTwice_SecondTimeNothing()
    {
        StartHookTest(TestKey).Stop();

        Assert.Single(recorder.TakeEnded(TestKey, outcome: null));
        Assert.Empty(recorder.TakeEnded(TestKey, outcome: null));
    }

    [Fact]
    public void TakeEnded_UnknownKey_Nothing()
    {
        StartHookTest(TestKey).Stop();

        Assert.Empty(recorder.TakeEnded("Shop.Tests.OrdersTests.Other", outcome: null));
    }

    [Fact]
    public void TakeEnded_SameKeyTwice_OldestFirst()
    {
        var first = StartHookTest(TestKey);
        first.Stop();
        var second = StartHookTest(TestKey);
        second.Stop();

        Assert.Equal(first.SpanId, Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).Stopped.SpanId);
        Assert.Equal(second.SpanId, Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).Stopped.SpanId);
    }

    [Fact]
    public void TakeEnded_OneTestCaseRetried_FailedAttemptsThenTheReportedOne()
    {
        var first = StartHookTest(TestKey);
        first.SetTag(TestActivityNames.OutcomeTag, "Failed");
        first.Stop();
        var second = StartHookTest(TestKey);
        second.SetTag(TestActivityNames.OutcomeTag, "Passed");
        second.Stop();

        var taken = recorder.TakeEnded(TestKey, outcome: "Passed");

        Assert.Equal([first.SpanId, second.SpanId], taken.Select(t => t.Stopped.SpanId));
        Assert.Empty(recorder.TakeEnded(TestKey, outcome: "Passed"));
    }

    [Fact]
    public void TakeEnded_SameNamedCaseRanAfterThisOneEnded_StaysForItsOwnResult()
    {
        // Two NUnit cases whose arguments print alike share a key; the platform hands the first over after the second ran.
        var first = StartHookTest(TestKey);
        first.SetTag(TestActivityNames.OutcomeTag, "Passed");
        first.Stop();
        var firstEnded = DateTime.UtcNow;
        Thread.Sleep(20);
        var second = StartHookTest(TestKey);
        second.SetTag(TestActivityNames.OutcomeTag, "Failed");
        second.Stop();

        Assert.Equal(first.SpanId, Assert.Single(recorder.TakeEnded(TestKey, "Passed", firstEnded)).Stopped.SpanId);
        Assert.Equal(second.SpanId, Assert.Single(recorder.TakeEnded(TestKey, "Failed", DateTime.UtcNow)).Stopped.SpanId);
    }

    [Fact]
    public async Task TakeEnded_ChildOnTaskRun_StaysWithTest()
    {
        var test = StartHookTest(TestKey);
        await Task.Run(() =>
        {
            using var background = Listened.StartActivity("background work");
        });
        test.Stop();

        var trace = Assert.Single(recorder.TakeEnded(TestKey, outcome: null));

        Assert.NotNull(trace);
        var child = Assert.Single(trace.TakeChildren());
        Assert.Equal("background work", child.Name);
        Assert.Equal(test.SpanId.ToHexString(), child.ParentSpanId);
        Assert.Empty(recorder.Detached.Drain());
    }

    [Fact]
    public void TakeEnded_GrandchildActivity_InTestTrace()
    {
        var test = StartHookTest(TestKey);
        using (var outer = Listened.StartActivity("handle order"))
        using (Listened.StartActivity("save order"))
        {
        }

        test.Stop();
        var children = Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren();

        Assert.Equal(["save order", "handle order"], children.Select(c => c.Name));
        Assert.Equal(children[1].SpanId, children[0].ParentSpanId);
    }

    [Fact]
    public void Recorder_SourceNotListened_NotRecorded()
    {
        var test = StartHookTest(TestKey);
        using (NotListened.StartActivity("ignored"))
        {
        }

        test.Stop();

        Assert.Empty(Assert.Single(recorder.TakeEnded(TestKey, outcome: null)).TakeChildren());
        Assert.Empty(recorder.Detached.Drain());
    }

    [Fact]
    public void Recorder_ActivityOutsideAnyTest_Detached()
    {
        Activity.Current = null;
        using (Listened.StartActivity("fixture setup"))
        {
        }

        var detached = Assert.Single(recorder.Detached.Drain());
        Assert.Equal("fixture setup", detached.Name);
        Assert.Null(detached.ParentSpanId);
        Assert.Equal("3.0.0", detached.ScopeVersion);
    }

    [Fact]
    public void WaitForLateWork_ChildOutlivingItsTest_WaitsForItAndMarksItLate()
    {
        var test = StartHookTest(TestKey);
        var lingering = Listened.StartActivity("SendConfirmation")!;
        test.Stop();
        Assert.Single(recorder.TakeEnded(TestKey, outcome: null));

        Assert.False(recorder.WaitForLateWork(TimeSpan.FromMilliseconds(10)));
        _ = Task.Run(async () =>
        {
            await Task.Delay(50);
            lingering.Stop();
        });

        Assert.True(recorder.WaitForLateWork(TimeSpan.FromSeconds(10)));
        var late = Assert.Single(recorder.Detached.Drain());
        Assert.Equal(test.TraceId.ToHexString(), late.TraceId);
        Assert.Contains(late.Attributes, a => a.Key == TestActivityNames.LateAttribute && a.Value is true);
    }

    [Fact]
    public void WaitForLateWork_ChildThatNeverStops_FiledUnfinishedAndLate_Once()
    {
        // A request in flight when its app was disposed after the class's last test: ASP.NET Core never ends it.
        var test = StartHookTest(TestKey);
        var abandoned = Listened.StartActivity("GET /orders/{id}", ActivityKind.Server)!;
        test.Stop();
        Assert.Single(recorder.TakeEnded(TestKey, outcome: null));

        Assert.False(recorder.WaitForLateWork(TimeSpan.FromMilliseconds(50)));

        var unfinished = Assert.Single(recorder.Detached.Drain());
        Assert.Equal((abandoned.SpanId.ToHexString(), test.TraceId.ToHexString(), test.SpanId.ToHexString()), (unfinished.SpanId, unfinished.TraceId, unfinished.ParentSpanId));
        Assert.Contains(unfinished.Attributes, a => a.Key == TestActivityNames.LateAttribute && a.Value is true);
        Assert.Contains(unfinished.Attributes, a => a.Key == TestActivityNames.UnfinishedAttribute && a.Value is true);
        Assert.True(unfinished.EndTimeUnixNano >= unfinished.StartTimeUnixNano);
        abandoned.Stop();
        Assert.Empty(recorder.Detached.Drain());
        Assert.True(recorder.WaitForLateWork(TimeSpan.Zero));
    }

    [Fact]
    public void WaitForLateWork_WorkTheTestSetOffStartingAfterItWasTaken_WaitedForAndLate()
    {
        // A Task.Run the test started, which got a thread only after the test had ended and was
        // handed on: its context still has the test's activity current.
        var test = StartHookTest(TestKey);
        var setOff = ExecutionContext.Capture()!;
        test.Stop();
        Assert.Single(recorder.TakeEnded(TestKey, outcome: null));
        Activity? work = null;
        ExecutionContext.Run(setOff, _ => work = Listened.StartActivity("SendConfirmation"), null);

        Assert.False(recorder.WaitForLateWork(TimeSpan.Zero));

        var unfinished = Assert.Single(recorder.Detached.Drain());
        Assert.Equal((work!.SpanId.ToHexString(), test.TraceId.ToHexString()), (unfinished.SpanId, unfinished.TraceId));
        Assert.Contains(unfinished.Attributes, a => a.Key == TestActivityNames.LateAttribute && a.Value is true);
        work.Stop();
        Assert.Empty(recorder.Detached.Drain());
    }

    [Fact]
    public void Recorder_ChildEndingAfterTestTaken_Detached()
    {
        var test = StartHookTest(TestKey);
        var lingering = Listened.StartActivity("lingering")!;
        test.Stop();
        Assert.Single(recorder.TakeEnded(TestKey, outcome: null));

        lingering.Stop();

        Assert.Equal("lingering", Assert.Single(recorder.Detached.Drain()).Name);
    }

    [Fact]
    public void Recorder_ChildEndingAfterItsTestsRecordingWasRead_FiledLateNotLost()
    {
        // The interleaving of a loaded machine: the child's stop found its test still listed, and the
        // test's recording was read before the child was added to it.
        var trace = recorder.StartTest("Reads_Order_1")!;
        var server = Listened.StartActivity("GET /orders/{id}", ActivityKind.Server)!;
        Assert.Empty(trace.TakeChildren());

        server.Stop();

        var late = Assert.Single(recorder.Detached.Drain());
        Assert.Equal((server.SpanId.ToHexString(), trace.TraceId.ToHexString()), (late.SpanId, late.TraceId));
        Assert.Contains(late.Attributes, a => a.Key == TestActivityNames.LateAttribute && a.Value is true);
        Assert.Empty(recorder.FinishTest(trace).TakeChildren());
    }

    [Fact]
    public void StartTest_ActivityAlreadyCurrent_NewRootTrace()
    {
        Activity.Current = null;
        using var leftover = Listened.StartActivity("left over by a previous test")!;

        var trace = recorder.StartTest("Create (1,2,3)");

        Assert.NotNull(trace);
        Assert.Same(trace.Running, Activity.Current);
        Assert.Equal("Create (1,2,3)", trace.Running!.DisplayName);
        Assert.Equal(TestActivityNames.SourceName, trace.Running.Source.Name);
        Assert.Equal(default, trace.Running.ParentSpanId);
        Assert.NotEqual(leftover.TraceId, trace.TraceId);
        recorder.FinishTest(trace);
    }

    [Fact]
    public void FinishTest_ChildDuringTest_StoppedTraceWithChild()
    {
        var trace = recorder.StartTest("Create (1,2,3)")!;
        var activity = trace.Running!;
        using (Listened.StartActivity("SELECT orders"))
        {
        }

        var finished = recorder.FinishTest(trace);

        Assert.Same(trace, finished);
        Assert.True(activity.IsStopped);
        Assert.Null(finished.Running);
        Assert.Equal((activity.SpanId, activity.Duration), (finished.Stopped.SpanId, finished.Stopped.Duration));
        Assert.Null(Activity.Current);
        var child = Assert.Single(finished.TakeChildren());
        Assert.Equal("SELECT orders", child.Name);
        Assert.Equal(activity.SpanId.ToHexString(), child.ParentSpanId);
        Assert.Empty(recorder.Detached.Drain());
    }

    [Fact]
    public void FinishTest_CollectorTest_NotQueuedUnderAnyKey()
    {
        var trace = recorder.StartTest(TestKey)!;

        recorder.FinishTest(trace);

        Assert.Empty(recorder.TakeEnded(TestKey, outcome: null));
        Assert.Empty(recorder.Detached.Drain());
    }

    [Fact]
    public void FirstChanceException_DuringTest_TypeRecorded()
    {
        var trace = recorder.StartTest("Throws")!;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException)
        {
        }

        recorder.FinishTest(trace);

        Assert.Equal("System.InvalidOperationException", trace.LastExceptionType);
    }

    [Fact]
    public void FirstChanceException_TwoDuringTest_LastOneRecorded()
    {
        var trace = recorder.StartTest("Throws twice")!;
        Swallow(() => throw new ArgumentException("first"));
        Swallow(() => throw new TimeoutException("second"));

        recorder.FinishTest(trace);

        Assert.Equal("System.TimeoutException", trace.LastExceptionType);
    }

    [Fact]
    public void FirstChanceException_TargetInvocationWrapper_WrappedTypeKept()
    {
        var trace = recorder.StartTest("Throws by reflection")!;
        var method = typeof(ActivityRecorderTests).GetMethod(nameof(ThrowArgumentOutOfRange), BindingFlags.NonPublic | BindingFlags.Static)!;

        var thrown = Assert.Throws<TargetInvocationException>(() => method.Invoke(null, null));
        recorder.FinishTest(trace);

        Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException);
        Assert.Equal("System.ArgumentOutOfRangeException", trace.LastExceptionType);
    }

    [Fact]
    public void FirstChanceException_AggregateWrapper_WrappedTypeKept()
    {
        var trace = recorder.StartTest("Throws in a task")!;

        // What Task.Wait does with a task's exception.
        Swallow(() =>
        {
            try
            {
                throw new TimeoutException("late");
            }
            catch (TimeoutException ex)
            {
                throw new AggregateException(ex);
            }
        });
        recorder.FinishTest(trace);

        Assert.Equal("System.TimeoutException", trace.LastExceptionType);
    }

    [Fact]
    public void FirstChanceException_AssertionThenDisposalThrowsAndCatches_BothKeptWithTheirMessages()
    {
        var trace = recorder.StartTest("Fails, then disposes a stub")!;
        Swallow(() => throw new InvalidOperationException("service answered 503"));
        Swallow(() => throw new ObjectDisposedException("System.Net.HttpListener"));
        Swallow(() => throw new ObjectDisposedException("System.Net.HttpListener"));

        recorder.FinishTest(trace);

        var payload = ExecutionRecording.From([trace], "hook", []);
        Assert.Equal(["System.InvalidOperationException", "System.ObjectDisposedException"], payload.Exceptions.Select(e => e.Type));
        Assert.Equal("service answered 503", payload.Exceptions[0].Message);
    }

    [Fact]
    public void FirstChanceException_OutsideAnyTest_NotRecorded()
    {
        var trace = recorder.StartTest("Quiet")!;
        recorder.FinishTest(trace);

        Swallow(() => throw new InvalidOperationException("after the test"));

        Assert.Null(trace.LastExceptionType);
    }

    [Fact]
    public void Dispose_Disposed_StopsRecording()
    {
        recorder.Dispose();

        Activity.Current = null;
        using (Listened.StartActivity("after dispose"))
        {
        }

        Assert.Empty(recorder.Detached.Drain());
    }

    private static Activity StartHookTest(string key)
    {
        // As the hook does: each test is the root of its own trace.
        Activity.Current = null;
        var activity = HookSource.StartActivity(key, ActivityKind.Internal);
        Assert.NotNull(activity);
        activity.SetTag(TestActivityNames.KeyTag, key);
        return activity;
    }

    private static void Swallow(Action action)
    {
        try
        {
            action();
        }
        catch (Exception)
        {
            // Only the first-chance notification matters.
        }
    }

    private static void ThrowArgumentOutOfRange() => throw new ArgumentOutOfRangeException("amount");
}
