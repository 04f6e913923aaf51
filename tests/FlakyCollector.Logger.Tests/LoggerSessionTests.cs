using FlakyCollector.Configuration;
using FlakyCollector.Logging;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace FlakyCollector.Logger.Tests;

/// <summary>
/// The logger in vstest.console without vstest: its events are raised here, its lines kept, its
/// environment a dictionary, the channel in a temporary folder, and the run's file read back.
/// </summary>
public sealed class LoggerSessionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private static readonly Uri XunitExecutor = new("executor://xunit/VsTestRunner3/netcore/");

    private readonly string root = Directory.CreateTempSubdirectory("flakytrace-logger-").FullName;
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> variablesSet = new(StringComparer.Ordinal);
    private readonly HashSet<int> exited = [];
    private readonly List<string> lines = [];
    private readonly LoggerEvents events = new();
    private readonly SteppingClock clock = new(Now, TimeSpan.FromMilliseconds(100));

    private string Results => Path.Combine(root, "TestResults");

    private string? ChannelFolder => variablesSet.GetValueOrDefault(RecordingChannel.FolderVariable);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Initialize_OtelSdkDisabled_NoChannelNoTraceNoLine()
    {
        environment[SettingNames.EnvSdkDisabled] = "true";

        Start();

        Assert.False(events.Subscribed);
        Assert.Empty(variablesSet);
        Assert.Empty(WrittenSpan.ReadAll(Results));
        Assert.Empty(lines);
    }

    [Fact]
    public void Initialize_BadSetting_WarnsOnceAndTracesAllTests()
    {
        Start(new() { [SettingNames.SampleRatio] = "most" });
        events.Result(Result("Shop.Tests.Cart.Adds"));
        events.Result(Result("Shop.Tests.Cart.Removes"));
        events.Complete(aborted: false);

        Assert.Single(lines, l => l.Contains("sample ratio 'most' is not valid", StringComparison.Ordinal));
        Assert.Equal(2, TestSpans().Count);
    }

    [Fact]
    public void TestResult_WithoutRecording_FrameworkTimingAndTheAssemblyNamedOnce()
    {
        Start();
        events.Result(Result("Shop.Tests.Cart.Adds"));
        events.Result(Result("Shop.Tests.Cart.Removes"));
        events.Complete(aborted: false);

        Assert.All(TestSpans(), s => Assert.Equal("framework", s.Attribute(TestAttributeNames.Timing)));
        Assert.Single(lines, l => l.StartsWith("FlakyTrace warning: the 2 tests of Shop.Tests.dll were timed from the test framework's events", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("FlakyTrace: 2 test traces written to ", StringComparison.Ordinal));
    }

    [Fact]
    public void TestResult_RecordedOutsideTheTesthost_JoinedByItsKey()
    {
        Start();
        var recorded = Execution(processId: 4242, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
        WriteToChannel(TestKeys.ForTestCase(TestFramework.XUnit, "Shop.Tests.Cart.Adds", "Shop.Tests.Cart.Adds"), recorded);
        exited.Add(4242);

        events.Result(Result("Shop.Tests.Cart.Adds"));
        events.Complete(aborted: false);

        var span = Assert.Single(TestSpans());
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "hook"), (span.TraceId, span.SpanId, span.Attribute(TestAttributeNames.Timing)));
        Assert.DoesNotContain(lines, l => l.Contains("timed from the test framework's events", StringComparison.Ordinal));
    }

    [Fact]
    public void TestResult_TheoryRowWithoutHook_DoesNotTakeTheNextRowsRecording()
    {
        // Rows 1 and 3 ran the hook; row 2 was skipped without it. All three lines are in the
        // channel before vstest hands the results over, as they are when results come in a batch.
        Start();
        const string Name = "Shop.Tests.Cart.Adds";
        var key = TestKeys.ForTestCase(TestFramework.XUnit, Name, Name);
        // One test process writes its rows' lines in order, to one file.
        WriteToChannel(key,
            RowExecution("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", started: Now.AddSeconds(-3)),
            RowExecution("1af7651916cd43dd8448eb211c80319c", "c7ad6b7169203331", started: Now.AddSeconds(-1)));
        exited.Add(4242);

        events.Result(Row(Name, ended: Now.AddSeconds(-2.9)));
        events.Result(Row(Name, ended: Now.AddSeconds(-2), skipped: true));
        events.Result(Row(Name, ended: Now));
        events.Complete(aborted: false);

        // Each recording is with a row that ran (the file's order is not the results' order).
        var tests = TestSpans();
        Assert.Equal(3, tests.Count);
        Assert.Equal("pass", Assert.Single(tests, t => t.TraceId == "0af7651916cd43dd8448eb211c80319c").Attribute("test.case.result.status"));
        Assert.Equal("pass", Assert.Single(tests, t => t.TraceId == "1af7651916cd43dd8448eb211c80319c").Attribute("test.case.result.status"));
        Assert.Single(tests, t => t.Attribute("test.case.result.status") == "skipped");
    }

    [Fact]
    public void TestResult_SkippedRowReportedAfterTheNextRowStarted_DoesNotTakeItsRecording()
    {
        // The adapter stamped the skipped row's end when it handled it, after row 3 had started.
        Start();
        const string Name = "Shop.Tests.Cart.Adds";
        WriteToChannel(TestKeys.ForTestCase(TestFramework.XUnit, Name, Name), RowExecution("1af7651916cd43dd8448eb211c80319c", "c7ad6b7169203331", started: Now.AddSeconds(-2)));
        exited.Add(4242);

        events.Result(Row(Name, ended: Now.AddSeconds(-1), skipped: true));
        events.Result(Row(Name, ended: Now));
        events.Complete(aborted: false);

        var tests = TestSpans();
        Assert.Equal(2, tests.Count);
        Assert.Equal("pass", Assert.Single(tests, t => t.TraceId == "1af7651916cd43dd8448eb211c80319c").Attribute("test.case.result.status"));
    }

    [Fact]
    public void TestRunComplete_WorkAfterTheLastTest_WrittenFromTheChannel()
    {
        Start();
        WriteToChannel(TestKeys.ForTestCase(TestFramework.XUnit, "Shop.Tests.Cart.Adds", "Shop.Tests.Cart.Adds"), Execution(4242, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
        events.Result(Result("Shop.Tests.Cart.Adds"));
        WriteToChannel(RecordingChannel.AfterLastTestKey("/bin/Shop.Tests.dll"), new RecordedExecution
        {
            ProcessId = 4242,
            Detached = [Span("Flush", "1bf7651916cd43dd8448eb211c80319c", "c7ad6b7169203331")],
            Warnings = ["a warning after the last result"],
        });

        events.Complete(aborted: false);

        Assert.Contains(WrittenSpan.ReadAll(Results), s => s.Name == "Flush" && s.TraceId == "1bf7651916cd43dd8448eb211c80319c");
        Assert.Single(lines, l => l == "FlakyTrace warning: a warning after the last result");
    }

    [Fact]
    public void TestRunComplete_TestProcessWritesItsLastLineAndExitsWhileTheEndLooks_TheLineIsRead()
    {
        var wrote = false;
        Start(host: new RecordingChannelHost(Path.Combine(root, "channel"), (n, v) => variablesSet[n] = v, _ =>
        {
            // The test process's session ends just as the end of the run asks whether it has exited.
            if (!wrote)
            {
                wrote = true;
                WriteToChannel(RecordingChannel.AfterLastTestKey("/bin/Shop.Tests.dll"), new RecordedExecution
                {
                    ProcessId = 4242,
                    Detached = [Span("Flush", "1bf7651916cd43dd8448eb211c80319c", "c7ad6b7169203331")],
                });
            }

            return true;
        }));
        WriteToChannel(TestKeys.ForTestCase(TestFramework.XUnit, "Shop.Tests.Cart.Adds", "Shop.Tests.Cart.Adds"), Execution(4242, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
        events.Result(Result("Shop.Tests.Cart.Adds"));

        events.Complete(aborted: false);

        Assert.True(wrote);
        Assert.Contains(WrittenSpan.ReadAll(Results), s => s.Name == "Flush" && s.TraceId == "1bf7651916cd43dd8448eb211c80319c");
    }

    [Fact]
    public void TestRunComplete_TestProcessNeverWritesItsLastLine_WaitsNoLongerThanTheBound()
    {
        Start();
        WriteToChannel(TestKeys.ForTestCase(TestFramework.XUnit, "Shop.Tests.Cart.Adds", "Shop.Tests.Cart.Adds"), Execution(4242, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
        events.Result(Result("Shop.Tests.Cart.Adds"));

        events.Complete(aborted: false);

        // The process neither exited nor wrote: given up after twice the late-work bound, by the clock's own reckoning.
        var steps = (int)(LateWork.Bound * 2 / TimeSpan.FromMilliseconds(100));
        Assert.InRange(clock.Reads, steps, steps + 3);
        Assert.Single(TestSpans());
    }

    [Theory]
    [InlineData(null, "the test process crashed")]
    [InlineData("The blame hang timeout of 30s elapsed", "hang timeout")]
    public void TestRunComplete_Aborted_TheRunningTestGetsAFailedSpan(string? message, string reason)
    {
        Start();
        using (var journal = TestHostJournal.Open(name => name == RecordingChannel.FolderVariable ? ChannelFolder : null)!)
        {
            journal.Started(new StartedTest("1", "Shop.Tests.Cart.Hangs", "Shop.Tests.Cart.Hangs", "/bin/Shop.Tests.dll", XunitExecutor, Now.AddSeconds(-30), 4242));
        }

        if (message is not null)
        {
            events.Message(message);
        }

        events.Complete(aborted: true);

        var span = Assert.Single(TestSpans());
        Assert.Equal(2, span.StatusCode);
        Assert.StartsWith($"{reason}: the test was running when the test process ended", span.StatusMessage, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("FlakyTrace warning: the test run was aborted", StringComparison.Ordinal));
    }

    [Fact]
    public void TestRunComplete_NotAborted_AJournalsRunningTestIsNotInvented()
    {
        Start();
        using (var journal = TestHostJournal.Open(name => name == RecordingChannel.FolderVariable ? ChannelFolder : null)!)
        {
            journal.Started(new StartedTest("1", "Shop.Tests.Cart.Hangs", "Shop.Tests.Cart.Hangs", "/bin/Shop.Tests.dll", XunitExecutor, Now, 4242));
        }

        events.Complete(aborted: false);

        Assert.Empty(TestSpans());
    }

    [Fact]
    public void Initialize_WarmingUp_TheRunsFileHasItsOwnTestsOnlyAndTheChannelIsDeleted()
    {
        // The run ends at once, while the warm-up may still be going: the end waits for it.
        Start(warmUp: true);
        var folder = ChannelFolder;
        events.Result(Result("Shop.Tests.Cart.Adds"));
        events.Complete(aborted: false);

        Assert.Equal(["Shop.Tests.Cart.Adds"], TestSpans().Select(s => s.Attribute(TestAttributeNames.CaseName)));
        Assert.DoesNotContain(WrittenSpan.ReadAll(Results), s => s.Attributes.Values.Any(v => v.Contains("WarmUp", StringComparison.Ordinal)));
        Assert.Single(Directory.GetFiles(Results, "*.otlp.jsonl", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(folder));
        Assert.DoesNotContain(lines, l => l.Contains("WarmUp", StringComparison.Ordinal) || l.Contains("warm-up", StringComparison.Ordinal));
    }

    [Fact]
    public void TestResult_UnreadableRecording_WarnsAndTheNextTestIsTraced()
    {
        Start();
        var broken = Result("Shop.Tests.Cart.Adds");
        broken.SetPropertyValue(TestProperty.Register(ExecutionPayloadJson.PropertyKey, ExecutionPayloadJson.PropertyKey, typeof(string), typeof(TestResult)), "{not json");

        events.Result(broken);
        events.Result(Result("Shop.Tests.Cart.Removes"));
        events.Complete(aborted: false);

        Assert.Single(lines, l => l.StartsWith("FlakyTrace warning: could not read a test result: ", StringComparison.Ordinal));
        Assert.Equal("Shop.Tests.Cart.Removes", Assert.Single(TestSpans()).Attribute(TestAttributeNames.CaseName));
    }

    [Fact]
    public void Initialize_ChannelCannotBeOpened_WarnsAndStaysOut()
    {
        File.WriteAllText(Path.Combine(root, "not-a-folder"), "");

        Start(host: new RecordingChannelHost(Path.Combine(root, "not-a-folder"), (n, v) => variablesSet[n] = v, exited.Contains));

        Assert.False(events.Subscribed);
        Assert.Single(lines, l => l.StartsWith("FlakyTrace warning: could not start: ", StringComparison.Ordinal) && l.EndsWith("The tests run untraced.", StringComparison.Ordinal));
    }

    [Fact]
    public void TestRunComplete_TheChannelIsClosedForProcessesStartedLater()
    {
        Start(new() { [SettingNames.ActivitySources] = "Shop.*" });
        var folder = ChannelFolder;
        Assert.Equal("Shop.*", variablesSet[RecordingChannel.SourcesVariable]);

        events.Complete(aborted: false);

        Assert.Null(ChannelFolder);
        Assert.False(Directory.Exists(folder));
    }

    private void Start(Dictionary<string, string?>? settings = null, RecordingChannelHost? host = null, bool warmUp = false)
    {
        var session = new LoggerSession(name => environment.GetValueOrDefault(name), clock, lines.Add,
            host ?? new RecordingChannelHost(Path.Combine(root, "channel"), (n, v) => variablesSet[n] = v, exited.Contains), warmUp);
        var parameters = new Dictionary<string, string?>(settings ?? [], StringComparer.OrdinalIgnoreCase) { [DefaultLoggerParameterNames.TestRunDirectory] = Results };
        session.Initialize(events, parameters);
    }

    private List<WrittenSpan> TestSpans() => [.. WrittenSpan.ReadAll(Results).Where(s => s.Attribute(TestAttributeNames.CaseName) is not null)];

    private void WriteToChannel(string key, params RecordedExecution[] executions)
    {
        using var writer = RecordingChannelWriter.Open(name => name == RecordingChannel.FolderVariable ? ChannelFolder : null)!;
        foreach (var execution in executions)
        {
            writer.Write(key, execution);
        }
    }

    private static TestResult Result(string fullyQualifiedName) =>
        new(new TestCase(fullyQualifiedName, XunitExecutor, "/bin/Shop.Tests.dll") { DisplayName = fullyQualifiedName })
        {
            Outcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Passed,
            StartTime = Now.AddSeconds(-1),
            EndTime = Now,
            Duration = TimeSpan.FromSeconds(1),
        };

    private static TestResult Row(string fullyQualifiedName, DateTimeOffset ended, bool skipped = false) =>
        new(new TestCase(fullyQualifiedName, XunitExecutor, "/bin/Shop.Tests.dll") { DisplayName = fullyQualifiedName })
        {
            Outcome = skipped ? Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Skipped : Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Passed,
            StartTime = ended.AddMilliseconds(-50),
            EndTime = ended,
            Duration = TimeSpan.FromMilliseconds(50),
        };

    // A row's recording whose test span started at started and lasted 50 ms.
    private static RecordedExecution RowExecution(string traceId, string spanId, DateTimeOffset started) => Execution(4242, traceId, spanId) with
    {
        TestSpan = Span("Adds", traceId, spanId) with
        {
            StartTimeUnixNano = started.ToUnixTimeMilliseconds() * 1_000_000,
            EndTimeUnixNano = started.AddMilliseconds(50).ToUnixTimeMilliseconds() * 1_000_000,
        },
    };

    private static RecordedExecution Execution(int processId, string traceId, string spanId) => new()
    {
        ProcessId = processId,
        Timing = "hook",
        TestSpan = Span("Adds", traceId, spanId),
    };

    private static SpanData Span(string name, string traceId, string spanId) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        Name = name,
        StartTimeUnixNano = Now.AddSeconds(-1).ToUnixTimeMilliseconds() * 1_000_000,
        EndTimeUnixNano = Now.ToUnixTimeMilliseconds() * 1_000_000,
        ScopeName = "FlakyTrace",
    };
}
