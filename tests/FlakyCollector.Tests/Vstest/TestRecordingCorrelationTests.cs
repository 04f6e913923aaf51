using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

public sealed class TestRecordingCorrelationTests
{
    private const string Key = "Shop.Tests.Orders.Create";

    [Fact]
    public void TakeFor_OneRecording_ItIsTheReportedExecution()
    {
        var correlation = new TestRecordingCorrelation();
        var trace = Trace("Passed");
        Ended(correlation, Key, [trace]);

        var taken = correlation.TakeFor(TestFramework.MSTest, Key, isWholeMethod: true, "Passed");

        Assert.Same(trace, Assert.Single(taken));
        Assert.Equal(0, correlation.Pending);
    }

    [Fact]
    public void TakeFor_FailedAttemptsThenPass_FailedOnesAreRetriesBeforeTheReportedOne()
    {
        var correlation = new TestRecordingCorrelation();
        var first = Trace("Failed");
        var second = Trace("Failed");
        var last = Trace("Passed");
        Ended(correlation, Key, [first, second, last]);

        var taken = correlation.TakeFor(TestFramework.MSTest, Key, isWholeMethod: true, "Passed");

        Assert.Equal([first, second, last], taken);
    }

    [Fact]
    public void TakeFor_OutcomeDisagreesWithTheLastRecording_TheOneThatAgreesIsReported()
    {
        // Only a recording whose outcome matches vstest's can be the reported one; a passed one after it is not a retry.
        var correlation = new TestRecordingCorrelation();
        var failed = Trace("Failed");
        var stray = Trace("Passed");
        Ended(correlation, Key, [failed, stray]);

        var taken = correlation.TakeFor(TestFramework.NUnit, Key, isWholeMethod: true, "Failed");

        Assert.Same(failed, Assert.Single(taken));
        Assert.Equal(1, correlation.Forgotten);
    }

    [Fact]
    public void TakeFor_PassedRecordingBeforeTheReportedOne_NotARetry()
    {
        var correlation = new TestRecordingCorrelation();
        var earlier = Trace("Passed");
        var reported = Trace("Passed");
        Ended(correlation, Key, [earlier, reported]);

        var taken = correlation.TakeFor(TestFramework.MSTest, Key, isWholeMethod: true, "Passed");

        Assert.Same(reported, Assert.Single(taken));
        Assert.Equal(1, correlation.Forgotten);
    }

    [Fact]
    public void TakeFor_XunitRowsSharingAKey_OldestFirstAndTheRestKept()
    {
        var correlation = new TestRecordingCorrelation();
        var rows = new[] { Trace(null), Trace(null), Trace(null) };
        Ended(correlation, Key, rows);

        var first = correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: false, "Passed");
        var second = correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: false, "Failed");

        Assert.Same(rows[0], Assert.Single(first));
        Assert.Same(rows[1], Assert.Single(second));
        Assert.Equal(1, correlation.Pending);
    }

    [Fact]
    public void TakeFor_XunitRowSkippedWithoutItsHook_DoesNotTakeTheNextRowsRecording()
    {
        // Row 1 was skipped by its attribute and ran no hook; row 2's recording waits under the shared key.
        var correlation = new TestRecordingCorrelation();
        var row2 = Trace(null);
        Ended(correlation, Key, [row2]);

        Assert.Empty(correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: false, "Skipped"));
        Assert.Same(row2, Assert.Single(correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: false, "Passed")));
    }

    [Fact]
    public void TakeFor_XunitRowThatSkippedItselfFromItsBody_TakesItsRecording()
    {
        var correlation = new TestRecordingCorrelation();
        var row = Trace(null);
        row.AddException(RecordedException.Of(new SkipException()));
        Ended(correlation, Key, [row]);

        Assert.Same(row, Assert.Single(correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: false, "Skipped")));
    }

    [Fact]
    public void Ended_AfterItsWholeMethodTestCaseEnded_Forgotten()
    {
        // xUnit rows it cannot serialise share one test case: the rows after its end have no result to join.
        var correlation = new TestRecordingCorrelation();
        Ended(correlation, Key, [Trace(null)]);
        correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: true, "Passed");

        Ended(correlation, Key, [Trace(null), Trace(null)]);

        Assert.Equal(0, correlation.Pending);
        Assert.Equal(2, correlation.Forgotten);
    }

    [Fact]
    public void TakeFor_ManyTestCases_OnlyTheLastEndedKeysAreRemembered()
    {
        // A run of 100,000 tests would otherwise hold every key to its end.
        var correlation = new TestRecordingCorrelation();
        for (var i = 0; i < TestRecordingCorrelation.EndedKeysRemembered + 10; i++)
        {
            Ended(correlation, $"{Key}{i}", [Trace("Passed")]);
            correlation.TakeFor(TestFramework.NUnit, $"{Key}{i}", isWholeMethod: true, "Passed");
        }

        Assert.Equal(TestRecordingCorrelation.EndedKeysRemembered, correlation.EndedKeys);
        Assert.Equal((0, 0), (correlation.Pending, correlation.Forgotten));

        // A straggler of a recent test case is still forgotten; one of the oldest waits, as an unknown key does.
        Ended(correlation, $"{Key}{TestRecordingCorrelation.EndedKeysRemembered + 9}", [Trace("Passed")]);
        Ended(correlation, $"{Key}0", [Trace("Passed")]);
        Assert.Equal((1, 1), (correlation.Pending, correlation.Forgotten));
    }

    [Fact]
    public void TakeFor_XunitWholeMethodWithRowsWaiting_TakesTheOldestAndForgetsTheRest()
    {
        var correlation = new TestRecordingCorrelation();
        var rows = new[] { Trace(null), Trace(null), Trace(null) };
        Ended(correlation, Key, rows);

        var taken = correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: true, "Passed");

        Assert.Same(rows[0], Assert.Single(taken));
        Assert.Equal((0, 2), (correlation.Pending, correlation.Forgotten));
        Assert.Empty(correlation.TakeFor(TestFramework.XUnit, Key, isWholeMethod: false, "Passed"));
    }

    [Fact]
    public void TakeRows_MSTestRowsSharingTheTestCase_EachRowUnderItsOwnKey()
    {
        var correlation = new TestRecordingCorrelation();
        var slow = Trace("Passed");
        var quick = Trace("Passed");
        Ended(correlation, Key + " (slow)", [slow]);
        Ended(correlation, Key + " (quick)", [quick]);
        Ended(correlation, Key + "Twice", [Trace("Passed")]);

        var taken = correlation.TakeFor(TestFramework.MSTest, Key, isWholeMethod: true, "Passed");
        var rows = correlation.TakeRows(Key);

        Assert.Empty(taken);
        Assert.Equal([new(Key + " (slow)", slow), new KeyValuePair<string, RecordedTest>(Key + " (quick)", quick)], rows);
        Assert.Equal(1, correlation.Pending);
        Ended(correlation, Key + " (slow)", [Trace("Passed")]);
        Assert.Equal(1, correlation.Forgotten);
    }

    [Theory]
    [InlineData("mstest", "Passed", "Failed")]
    [InlineData("nunit", "Failed", "Passed")]
    [InlineData("nunit", null, "Passed")]
    public void TakeFor_OneRecordingWhateverItsOutcome_ItIsTheReportedOne(string frameworkName, string? recorded, string reported)
    {
        var framework = frameworkName == "mstest" ? TestFramework.MSTest : TestFramework.NUnit;
        var correlation = new TestRecordingCorrelation();
        var trace = Trace(recorded);
        Ended(correlation, Key, [trace]);

        var taken = correlation.TakeFor(framework, Key, isWholeMethod: true, reported);

        Assert.Same(trace, Assert.Single(taken));
        Assert.Equal((0, 0), (correlation.Pending, correlation.Forgotten));
    }

    [Fact]
    public void TakeRows_NoRowsWaiting_NothingTakenAndOthersKept()
    {
        var correlation = new TestRecordingCorrelation();
        Assert.Empty(correlation.TakeRows(Key));

        Ended(correlation, Key + "Twice (1)", [Trace("Passed")]);
        Assert.Empty(correlation.TakeRows(Key));
        Assert.Equal(1, correlation.Pending);
    }

    [Fact]
    public void Recording_ChildrenBeyondTheCap_DroppedAndCountedOnTheTestSpan()
    {
        var correlation = new TestRecordingCorrelation(maxChildrenPerTest: 2);
        var trace = Trace("Passed");
        for (var i = 0; i < 5; i++)
        {
            trace.TryAddChild(Child(trace, $"child {i}"));
        }

        var recording = correlation.Recording([trace], "hook", []);

        Assert.Equal(["child 0", "child 1"], recording.Children.Select(c => c.Name));
        Assert.Contains(recording.TestSpan!.Attributes, a => a.Key == ExecutionRecording.DroppedChildrenAttribute && Equals(a.Value, 3L));
        Assert.Single(recording.Warnings);
    }

    [Fact]
    public void Recording_ChildrenWithinTheCap_NothingDropped()
    {
        var correlation = new TestRecordingCorrelation(maxChildrenPerTest: 2);
        var trace = Trace("Passed");
        trace.TryAddChild(Child(trace, "child"));

        var recording = correlation.Recording([trace], "hook", []);

        Assert.Single(recording.Children);
        Assert.DoesNotContain(recording.TestSpan!.Attributes, a => a.Key == ExecutionRecording.DroppedChildrenAttribute);
        Assert.Empty(recording.Warnings);
    }

    private static SpanData Child(RecordedTest trace, string name) => new()
    {
        TraceId = trace.TraceId.ToHexString(),
        SpanId = ActivitySpanId.CreateRandom().ToHexString(),
        Name = name,
        StartTimeUnixNano = 1,
        EndTimeUnixNano = 2,
        ScopeName = "System.Net.Http",
    };

    private static RecordedTest Trace(string? outcome)
    {
        var activity = new Activity(Key).SetIdFormat(ActivityIdFormat.W3C);
        activity.Start();
        activity.SetTag(TestRecordingCorrelation.OutcomeTag, outcome);
        activity.Stop();
        return new RecordedTest(activity);
    }

    // Each recording is handed over on its own as its activity stops.
    private static void Ended(TestRecordingCorrelation correlation, string key, IEnumerable<RecordedTest> traces)
    {
        foreach (var trace in traces)
        {
            correlation.Ended(key, trace);
        }
    }

    // What Xunit.SkippableFact and xUnit v3 throw to skip from a test's body; only the name is read.
    private sealed class SkipException : Exception;
}
