using FlakyCollector.Configuration;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace FlakyCollector.Logging;

/// <summary>
/// The logger's <see cref="TracerWarmUp"/>, while the test process starts: two made-up vstest
/// results (one passing, one failing with a child span) read as the logger reads results, and then
/// what the end of a run reads, a test process's last line in the channel and its journal. (vstest
/// loads every type of this assembly before the core resolves: no type here may derive from the core's.)
/// </summary>
internal static class ResultPathWarmUp
{
    private static readonly Uri Executor = new("executor://flakytrace/warm-up");

    public static Thread Start(FlakyTraceSettings settings, string folder, Func<string, string?> environment) =>
        TracerWarmUp.Start(() => Run(settings, folder, environment, new LineRunReport(static _ => { })));

    /// <summary>See <see cref="TracerWarmUp.Run"/>: true when it all went through.</summary>
    internal static bool Run(FlakyTraceSettings settings, string folder, Func<string, string?> environment, IRunReport report) =>
        TracerWarmUp.Run(settings, folder, environment, report, LoggerSession.FileWriteBehind, Tests, () => ReadRunEnd(folder));

    // An array, not an iterator: an iterator's class would implement an interface over a type of the core.
    private static CompletedTest[] Tests(string folder) => [Passing(SourceIn(folder)), Failing(SourceIn(folder))];

    private static string SourceIn(string folder) => Path.Combine(folder, "FlakyTrace.WarmUp.Tests.dll");

    // What a test process leaves in the channel, written as it writes it, then read as the run's end reads it.
    private static bool ReadRunEnd(string folder)
    {
        var source = SourceIn(folder);
        Func<string, string?> channel = name => name == RecordingChannel.FolderVariable ? folder : null;
        using (var writer = RecordingChannelWriter.Open(channel))
        {
            writer?.Write(RecordingChannel.AfterLastTestKey(source), new RecordedExecution { ProcessId = Environment.ProcessId, Detached = [TracerWarmUp.TestSpan()] });
        }

        using (var journal = TestHostJournal.Open(channel))
        {
            journal?.Started(new StartedTest("warm-up", "FlakyTrace.WarmUp.Tests.Runs", "Runs", source, Executor, DateTimeOffset.UtcNow, Environment.ProcessId));
            journal?.Warning("warm-up");
            TestHostJournal.Read(folder);
        }

        using var reader = new RecordingChannelReader(folder);
        return reader.TakeWorkAfterLastTests().Count == 1;
    }

    private static CompletedTest Passing(string source) =>
        Read(Result(source, "Passes", Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Passed), new RecordedExecution
        {
            TestSpan = TracerWarmUp.TestSpan(),
            Timing = "hook",
            ProcessId = Environment.ProcessId,
            Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        });

    private static CompletedTest Failing(string source)
    {
        var result = Result(source, "Fails", Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Failed);
        result.ErrorMessage = "Assert.Equal() Failure: Values differ";
        result.ErrorStackTrace = "   at FlakyTrace.WarmUp.Tests.Fails() in /src/Tests.cs:line 2";
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "output\n"));
        var test = TracerWarmUp.TestSpan();
        return Read(result, new RecordedExecution
        {
            TestSpan = test,
            Timing = "hook",
            ProcessId = Environment.ProcessId,
            Exceptions = [new RecordedException("Xunit.Sdk.EqualException", "Assert.Equal() Failure: Values differ")],
            Children = [TracerWarmUp.Child(test)],
        });
    }

    private static TestResult Result(string source, string method, Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome outcome)
    {
        var now = DateTimeOffset.UtcNow;
        return new TestResult(new TestCase($"FlakyTrace.WarmUp.Tests.{method}", Executor, source) { CodeFilePath = "/src/Tests.cs", LineNumber = 1 })
        {
            Outcome = outcome,
            StartTime = now,
            EndTime = now,
            Duration = TimeSpan.FromTicks(1),
        };
    }

    // The recording is written and read as it travels, but not attached: registering vstest's
    // property for it in this process is vstest's to do, with the result that first carries it.
    private static CompletedTest Read(TestResult result, RecordedExecution payload) =>
        CompletedTestReader.From(result) with { Payload = ExecutionPayloadJson.Read(ExecutionPayloadJson.Write(payload)) };
}
