using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

/// <summary>The hook's window where the framework's duration agrees with it, the framework's where not.</summary>
public sealed class TestWindowTests
{
    private static readonly DateTimeOffset Start = CompletedTests.Start;

    [Fact]
    public void Of_HookAgreesWithTheFramework_HooksWindow()
    {
        var test = Timed(hookMs: 252, frameworkMs: 250);

        var window = TestWindow.Of(test);

        Assert.Equal("hook", window.Timing);
        Assert.Equal(252_000_000, window.Duration);
    }

    [Fact]
    public void Of_FailureCostLengthensTheHooksWindow_FrameworksDurationFromItsWindow()
    {
        // A failing test: the hook ended after the failure was thrown and its stack formatted.
        var test = Timed(hookMs: 83, frameworkMs: 9);

        var window = TestWindow.Of(test);

        Assert.Equal("framework", window.Timing);
        Assert.Equal(9_000_000, window.Duration);
        Assert.Equal(CompletedTests.UnixNano(test.EndTime), window.End);
    }

    [Fact]
    public void Of_FrameworkTimedMoreThanTheHookSaw_FrameworksDuration()
    {
        var test = Timed(hookMs: 419, frameworkMs: 529);

        var window = TestWindow.Of(test);

        Assert.Equal("framework", window.Timing);
        Assert.Equal(529_000_000, window.Duration);
    }

    [Fact]
    public void Of_DisagreeingWithoutAFrameworkWindow_DurationFromTheHooksStart()
    {
        var test = Timed(hookMs: 83, frameworkMs: 9) with { StartTime = default, EndTime = default };

        var window = TestWindow.Of(test);

        Assert.Equal(test.Payload!.TestSpan!.StartTimeUnixNano, window.Start);
        Assert.Equal(9_000_000, window.Duration);
    }

    [Fact]
    public void Of_NoDurationReported_HooksWindow()
    {
        var test = Timed(hookMs: 83, frameworkMs: 0);

        Assert.Equal("hook", TestWindow.Of(test).Timing);
    }

    [Fact]
    public void Of_PlatformMeasuredZeroAndTheHookSawTheFailureBeingBuilt_FrameworksWindow()
    {
        // xUnit v3 on the platform, a loaded machine: the test threw at once (0 ms), the hook saw 9 ms.
        var test = Timed(hookMs: 9, frameworkMs: 0) with { ZeroDurationMeasured = true };

        var window = TestWindow.Of(test);

        Assert.Equal("framework", window.Timing);
        Assert.Equal(0, window.Duration);
    }

    [Fact]
    public void Of_PlatformMeasuredZeroInsideAWiderWindow_ZeroAtTheHooksStart()
    {
        // xUnit v3 on the platform times a failed theory row 0 ms while its start and end lie 10 ms apart;
        // the TRX of the same run says 0 ms, and so must the span.
        var test = Timed(hookMs: 12, frameworkMs: 10) with { Duration = TimeSpan.Zero, ZeroDurationMeasured = true };

        var window = TestWindow.Of(test);

        Assert.Equal("framework", window.Timing);
        Assert.Equal(0, window.Duration);
        Assert.Equal(test.Payload!.TestSpan!.StartTimeUnixNano, window.Start);
    }

    [Fact]
    public void Of_MSTestRowsSharingOneWindow_EachRowsDurationFromItsHooksStart()
    {
        // MSTest reports its data rows with the start and end of all of them and each row's own
        // duration. A row whose hook disagreed with its duration takes the duration, where it began:
        // ended at the shared end, rows that ran one after another would overlap.
        var rowStarts = new[] { 0, 120, 190 };
        var windows = rowStarts.Select((start, i) =>
        {
            var hookStart = CompletedTests.UnixNano(Start) + (start * 1_000_000L);
            var payload = CompletedTests.Payload() with
            {
                TestSpan = CompletedTests.Payload().TestSpan! with { StartTimeUnixNano = hookStart, EndTimeUnixNano = hookStart + (i == 1 ? 70_000_000L : 100_000_000L) },
            };
            return TestWindow.Of(CompletedTests.Passed() with
            {
                StartTime = Start,
                EndTime = Start.AddMilliseconds(300),
                Duration = TimeSpan.FromMilliseconds(i == 1 ? 50 : 100),
                Payload = payload,
            });
        }).ToList();

        Assert.Equal(["hook", "framework", "hook"], windows.Select(w => w.Timing));
        Assert.Equal(50_000_000, windows[1].Duration);
        Assert.True(windows[0].End <= windows[1].Start && windows[1].End <= windows[2].Start, "the rows ran one after another");
    }

    [Fact]
    public void Of_MSTestRowsSharingOneWindow_ARowTimedLongerThanItsHookSaw_EndsWhereItsHookEnded()
    {
        // A loaded run: the first row (400 ms of sleep) timed 537 ms by MSTest, 480 ms by its hook, the
        // next row's hook starting 13 ms after. From the hook's start the row reached 44 ms into the next.
        var hookStarts = new[] { 0L, 493L, 566L };
        var hookMs = new[] { 480L, 71L, 606L };
        var frameworkMs = new[] { 537, 72, 610 };
        var windows = hookStarts.Select((start, i) =>
        {
            var hookStart = CompletedTests.UnixNano(Start) + (start * 1_000_000L);
            var payload = CompletedTests.Payload() with
            {
                TestSpan = CompletedTests.Payload().TestSpan! with { StartTimeUnixNano = hookStart, EndTimeUnixNano = hookStart + (hookMs[i] * 1_000_000L) },
            };
            return TestWindow.Of(CompletedTests.Passed() with
            {
                StartTime = Start,
                EndTime = Start.AddMilliseconds(1200),
                Duration = TimeSpan.FromMilliseconds(frameworkMs[i]),
                Payload = payload,
            });
        }).ToList();

        Assert.Equal(["framework", "hook", "hook"], windows.Select(w => w.Timing));
        Assert.Equal(537_000_000, windows[0].Duration);
        Assert.Equal(CompletedTests.UnixNano(Start) + 480_000_000L, windows[0].End);
        Assert.True(windows[0].End <= windows[1].Start && windows[1].End <= windows[2].Start, "the rows ran one after another");
    }

    [Fact]
    public void Of_InstantWindowWithASubMillisecondDuration_TheDuration()
    {
        // xUnit 2 theory rows it cannot serialise: start and end equal, the duration the row's own.
        var test = CompletedTests.Passed() with { StartTime = Start, EndTime = Start, Duration = TimeSpan.FromTicks(4413) };

        var window = TestWindow.Of(test);

        Assert.Equal(441_300, window.Duration);
        Assert.Equal("framework", window.Timing);
    }

    [Fact]
    public void Of_NeverRanBecauseOneTimeSetUpFailed_NoneOfTheFixturesTime()
    {
        var test = CompletedTests.Failed("OneTimeSetUp: System.Net.Http.HttpRequestException : refused") with
        {
            StartTime = Start,
            EndTime = Start.AddSeconds(2),
            Duration = TimeSpan.FromSeconds(2),
        };

        var window = TestWindow.Of(test);

        Assert.Equal(0, window.Duration);
        Assert.Equal(CompletedTests.UnixNano(test.EndTime), window.End);
    }

    private static CompletedTest Timed(int hookMs, int frameworkMs)
    {
        var hookStart = CompletedTests.UnixNano(Start);
        var payload = CompletedTests.Payload() with
        {
            TestSpan = CompletedTests.Payload().TestSpan! with { StartTimeUnixNano = hookStart, EndTimeUnixNano = hookStart + (hookMs * 1_000_000L) },
        };
        return CompletedTests.Passed() with
        {
            StartTime = Start.AddMilliseconds(1),
            EndTime = Start.AddMilliseconds(1 + frameworkMs),
            Duration = TimeSpan.FromMilliseconds(frameworkMs),
            Payload = payload,
        };
    }
}
