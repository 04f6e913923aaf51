using FlakyCollector.Configuration;
using FlakyCollector.InProc;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;

namespace FlakyCollector.TestHost.Tests;

// The session starts an ActivityRecorder, a process-wide listener: these tests run one at a time.
[Collection(nameof(InProcSessionTests))]
public sealed class InProcSessionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private static readonly Uri MSTestExecutor = new("executor://MSTestAdapter/v2");

    private readonly string channel = Directory.CreateTempSubdirectory("flakytrace-inproc-").FullName;
    private readonly RecordingSink sink = new();

    public void Dispose() => Directory.Delete(channel, recursive: true);

    [Fact]
    public void TestCaseEnd_SwitchedOff_NothingAttached()
    {
        var session = Session(_ => null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration><Enabled>false</Enabled></Configuration>"));

        RunTest(session, Case("Shop.Tests.OrdersTests.Create"));
        session.TestSessionEnd(new TestSessionEndArgs());

        Assert.Empty(sink.Executions);
    }

    [Fact]
    public void TestCaseEnd_AssemblyWithoutTheHook_TimedFromVstestsEvents()
    {
        var session = Session(_ => null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration />"));

        RunTest(session, Case("Shop.Tests.OrdersTests.Create"));
        session.TestSessionEnd(new TestSessionEndArgs());

        var execution = Assert.Single(sink.Executions);
        Assert.Equal("collector", execution.Timing);
        Assert.NotNull(execution.TestSpan);
        Assert.Equal(Environment.ProcessId, execution.ProcessId);
    }

    [Fact]
    public void TestCaseEnd_RecordingsWarningAndTheSessions_BothTravelWithTheResult()
    {
        // A repro plan it cannot read is the session's warning; a test over the children cap is the recording's.
        using var source = new System.Diagnostics.ActivitySource("Shop.Tests.Load");
        var session = Session(_ => null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration><ActivitySources>Shop.Tests.Load</ActivitySources><Repro>not a plan</Repro></Configuration>"));
        var testCase = Case("Shop.Tests.OrdersTests.Create");

        session.TestCaseStart(new TestCaseStartArgs(testCase));
        for (var i = 0; i <= FlakyCollector.Recording.ExecutionRecording.DefaultMaxChildren; i++)
        {
            source.StartActivity("load")?.Stop();
        }

        session.TestCaseEnd(new TestCaseEndArgs(new DataCollectionContext(testCase), TestOutcome.Passed));
        session.TestSessionEnd(new TestSessionEndArgs());

        var execution = Assert.Single(sink.Executions);
        Assert.Equal(FlakyCollector.Recording.ExecutionRecording.DefaultMaxChildren, execution.Children.Count);
        Assert.Equal(2, execution.Warnings.Count);
        Assert.Contains(execution.Warnings, w => w.Contains("keep the first", StringComparison.Ordinal));
    }

    [Fact]
    public void TestCaseEnd_OtelSdkDisabled_NothingAttached()
    {
        var session = Session(name => name == SettingNames.EnvSdkDisabled ? "true" : null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration />"));

        RunTest(session, Case("Shop.Tests.OrdersTests.Create"));

        Assert.Empty(sink.Executions);
    }

    [Fact]
    public void TestSessionStart_BadSetting_TracedAndNotWarnedHere_TheLoggerReportsIt()
    {
        var session = Session(_ => null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration><SampleRatio>most</SampleRatio></Configuration>"));

        RunTest(session, Case("Shop.Tests.OrdersTests.Create"));

        var execution = Assert.Single(sink.Executions);
        Assert.NotNull(execution.TestSpan);
        Assert.Empty(execution.Warnings);
    }

    [Fact]
    public void TestCaseEnd_NoStartEvent_StillAttachedAtTheEnd()
    {
        var session = Session(_ => null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration />"));
        var testCase = Case("Shop.Tests.OrdersTests.Create");

        session.TestCaseEnd(new TestCaseEndArgs(new DataCollectionContext(testCase), TestOutcome.Failed));

        Assert.Single(sink.Executions);
    }

    [Fact]
    public void TestSessionEnd_NoChannel_NothingWrittenAnywhere()
    {
        var session = Session(_ => null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration />"));
        RunTest(session, Case("Shop.Tests.OrdersTests.Create"));

        session.TestSessionEnd(new TestSessionEndArgs());

        Assert.Empty(Directory.EnumerateFileSystemEntries(channel));
        Assert.Single(sink.Executions);
    }

    [Fact]
    public void TestCaseStart_ChannelNamed_JournalKeepsTheTestUntilItEnds()
    {
        var session = Session(name => name == SettingNames.EnvRecordingChannel ? channel : null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration />"));
        var running = Case("Shop.Tests.OrdersTests.Crashes");
        var finished = Case("Shop.Tests.OrdersTests.Create");

        RunTest(session, finished);
        session.TestCaseStart(new TestCaseStartArgs(running));

        // The process ends here, as a crash would end it: the journal tells the logger what was running, and since when.
        var unfinished = TestHostJournal.Read(channel).Unfinished;
        Assert.Contains(unfinished, t => t.FullyQualifiedName == running.FullyQualifiedName && t.StartTime == Now);
        Assert.DoesNotContain(unfinished, t => t.FullyQualifiedName == finished.FullyQualifiedName);
        session.TestSessionEnd(new TestSessionEndArgs());
    }

    [Fact]
    public void TestSessionEnd_ChannelNamed_WorkAfterTheLastTestTravelsThroughIt()
    {
        var session = Session(name => name == SettingNames.EnvRecordingChannel ? channel : null);
        session.TestSessionStart(new TestSessionStartArgs("<Configuration />"));
        RunTest(session, Case("Shop.Tests.OrdersTests.Create"));

        session.TestSessionEnd(new TestSessionEndArgs());

        var lines = Directory.GetFiles(channel, "*" + RecordingChannel.FileExtension).SelectMany(File.ReadAllLines).Select(RecordingChannel.Parse).ToList();
        Assert.Contains(lines, l => RecordingChannel.SourceOfAfterLastTest(l.Key) == "/bin/Shop.Tests.dll");
    }

    [Fact]
    public void TestSessionEnd_NoTestEnded_SetUpWorkStillTravelsThroughTheChannel()
    {
        // NUnit reports the tests of a class whose one-time set-up failed without running them: no test
        // case ends, and the set-up's failing call is all there is to see.
        var session = Session(name => name == SettingNames.EnvRecordingChannel ? channel : null);
        session.TestSessionStart(new TestSessionStartArgs(new Dictionary<string, object?> { ["TestSources"] = new[] { "/bin/Shop.Tests.dll" } }!) { Configuration = "<Configuration />" });
        System.Diagnostics.Activity.Current = null;
        using (var http = new System.Diagnostics.ActivitySource("System.Net.Http"))
        using (http.StartActivity("POST", System.Diagnostics.ActivityKind.Client))
        {
        }

        session.TestSessionEnd(new TestSessionEndArgs());

        var lines = Directory.GetFiles(channel, "*" + RecordingChannel.FileExtension).SelectMany(File.ReadAllLines).Select(RecordingChannel.Parse).ToList();
        var afterLast = Assert.Single(lines, l => RecordingChannel.SourceOfAfterLastTest(l.Key) == "/bin/Shop.Tests.dll");
        Assert.Contains(afterLast.Execution.Detached, s => s.Name == "POST");
    }

    private InProcSession Session(Func<string, string?> environment)
    {
        var session = new InProcSession(environment, new FixedClock(Now));
        session.Initialize(sink);
        return session;
    }

    private static void RunTest(InProcSession session, TestCase testCase)
    {
        session.TestCaseStart(new TestCaseStartArgs(testCase));
        session.TestCaseEnd(new TestCaseEndArgs(new DataCollectionContext(testCase), TestOutcome.Passed));
    }

    private static TestCase Case(string fullyQualifiedName) =>
        new(fullyQualifiedName, MSTestExecutor, "/bin/Shop.Tests.dll") { DisplayName = fullyQualifiedName.Split('.')[^1] };
}
