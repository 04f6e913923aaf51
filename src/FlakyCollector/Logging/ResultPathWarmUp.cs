using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace FlakyCollector.Logging;

/// <summary>
/// The first result through the logger pays for compiling its whole path: reading the recording,
/// selecting and building the span, encoding and writing the line, and, at the end, reading the
/// channel and the journals. That is 0.1-0.2 s in vstest.console, and a small suite's results all
/// arrive after its last test, while the run waits for them. vstest.console has little to do while
/// the test process starts and runs: there, on a thread of its own, two made-up tests (one passing,
/// one failing with a child span) go through a tracer of their own into a folder of their own, which
/// is deleted. The run's own tracer shares nothing with it but the compiled code. (vstest loads
/// every type of this assembly before the core resolves: no type here may derive from the core's.)
/// </summary>
internal static class ResultPathWarmUp
{
    private const string Source = "FlakyTrace.WarmUp.Tests.dll";

    /// <summary>How long the end of a run waits for a warm-up still going before it deletes the channel folder.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    public static Thread Start(FlakyTraceSettings settings, string folder, Func<string, string?> environment)
    {
        var thread = new Thread(() => Run(settings, folder, environment, new LineRunReport(static _ => { })))
        {
            IsBackground = true,
            Name = "FlakyTrace warm-up",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return thread;
    }

    /// <summary>
    /// Sends the made-up tests through, and tells whether they went all the way. It never throws,
    /// and leaves nothing behind: <paramref name="folder"/> is deleted, and the run's own output
    /// folder is not touched. What the tracer would warn the user of goes to <paramref name="report"/>.
    /// </summary>
    internal static bool Run(FlakyTraceSettings settings, string folder, Func<string, string?> environment, IRunReport report)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var source = Path.Combine(folder, Source);
            var own = settings with { OutputDirectory = folder, TracesEndpoint = null, LogsEndpoint = null, Quarantine = null, PassingSampleRatio = 1 };
            using (var tracer = new TestRunTracer(own, folder, report, static _ => null, environment, LoggerSession.FileWriteBehind))
            {
                tracer.OnTestCompleted(CompletedTestReader.From(Passing(source)));
                tracer.OnTestCompleted(CompletedTestReader.From(Failing(source)));
                tracer.Complete(aborted: false);
            }

            // What the end of a run reads: a test process's last line in the channel, and its journal.
            File.WriteAllText(Path.Combine(folder, "warm-up" + RecordingChannel.FileExtension),
                RecordingChannel.Line(RecordingChannel.AfterLastTestKey(source), new RecordedExecution { ProcessId = Environment.ProcessId, Detached = [Child(Ids())] }) + "\n");
            using (var journal = TestHostJournal.Open(name => name == RecordingChannel.FolderVariable ? folder : null))
            {
                journal?.Started(new StartedTest("warm-up", "FlakyTrace.WarmUp.Tests.Runs", "Runs", source, new Uri("executor://flakytrace/warm-up"), DateTimeOffset.UtcNow, Environment.ProcessId));
                journal?.Warning("warm-up");
                TestHostJournal.Read(folder);
            }

            using var reader = new RecordingChannelReader(folder);
            return reader.TakeWorkAfterLastTests().Count == 1;
        }
        catch (Exception)
        {
            // Only the first real result's speed depends on it.
            return false;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception)
            {
                // Already gone, or left in the channel folder, which the logger deletes at the end.
            }
        }
    }

    private static TestResult Passing(string source)
    {
        var (trace, span) = Ids();
        var now = DateTimeOffset.UtcNow;
        var result = new TestResult(Case(source, "Passes"))
        {
            Outcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Passed,
            StartTime = now,
            EndTime = now,
            Duration = TimeSpan.FromTicks(1),
        };
        Attach(result, new RecordedExecution
        {
            TestSpan = TestSpan(trace, span),
            Timing = "hook",
            ProcessId = Environment.ProcessId,
            Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        });
        return result;
    }

    private static TestResult Failing(string source)
    {
        var (trace, span) = Ids();
        var now = DateTimeOffset.UtcNow;
        var result = new TestResult(Case(source, "Fails"))
        {
            Outcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Failed,
            ErrorMessage = "Assert.Equal() Failure: Values differ",
            ErrorStackTrace = "   at FlakyTrace.WarmUp.Tests.Fails() in /src/Tests.cs:line 2",
            StartTime = now,
            EndTime = now,
            Duration = TimeSpan.FromTicks(1),
        };
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "output\n"));
        Attach(result, new RecordedExecution
        {
            TestSpan = TestSpan(trace, span),
            Timing = "hook",
            ProcessId = Environment.ProcessId,
            Exceptions = [new RecordedException("Xunit.Sdk.EqualException", "Assert.Equal() Failure: Values differ")],
            Children = [Child((trace, span))],
        });
        return result;
    }

    private static TestCase Case(string source, string method) =>
        new($"FlakyTrace.WarmUp.Tests.{method}", new Uri("executor://flakytrace/warm-up"), source) { CodeFilePath = "/src/Tests.cs", LineNumber = 1 };

    private static void Attach(TestResult result, RecordedExecution payload) =>
        result.SetPropertyValue(TestProperty.Register(ExecutionPayloadJson.PropertyKey, ExecutionPayloadJson.PropertyKey, typeof(string), typeof(TestResult)),
            ExecutionPayloadJson.Write(payload));

    private static (string Trace, string Span) Ids() => (ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString());

    private static SpanData TestSpan(string trace, string span)
    {
        var now = ActivitySpanConverter.ToUnixNano(DateTime.UtcNow);
        return new SpanData { TraceId = trace, SpanId = span, Name = "test", StartTimeUnixNano = now, EndTimeUnixNano = now + 1, ScopeName = "FlakyTrace" };
    }

    private static SpanData Child((string Trace, string Span) parent)
    {
        var now = ActivitySpanConverter.ToUnixNano(DateTime.UtcNow);
        return new SpanData
        {
            TraceId = parent.Trace,
            SpanId = ActivitySpanId.CreateRandom().ToHexString(),
            ParentSpanId = parent.Span,
            Name = "GET",
            Kind = SpanKind.Client,
            StartTimeUnixNano = now,
            EndTimeUnixNano = now + 1,
            StatusCode = SpanStatusCode.Error,
            ScopeName = "System.Net.Http",
            Attributes = [new("http.request.method", "GET"), new("url.full", "http://localhost/orders"), new("http.response.status_code", 500L)],
        };
    }
}
