using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Logger.Tests;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp.Tests;

/// <summary>
/// A session stopped before its end (cancelled, out of time, its process told to end): the platform
/// never ends it, so the run is ended for it, and a test still running gets a failed span with what
/// it caused so far.
/// </summary>
[Collection(nameof(FlakyTraceSessionTests))]
public sealed class PlatformTestRunStopTests : IDisposable
{
    private const string Key = "Shop.Tests.Cart.Waits";
    private static readonly ActivitySource Hook = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Work = new("Shop.Jobs");
    private readonly string results = Directory.CreateTempSubdirectory("flakytrace-platform-stop-").FullName;

    public void Dispose() => Directory.Delete(results, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the platform ended the session it had cancelled, with the test still running
    public void Stopped_ATestStillRunning_FailedSpanWithItsWorkAndTheRunAborted(bool processExit)
    {
        var warnings = new List<string>();
        using var run = NewRun(warnings);
        var quick = Node("quick", "Adds");
        run.OnTestStarted(quick);
        run.OnTestFinished(quick, PassedTestNodeStateProperty.CachedInstance);
        var stuck = Node("stuck", "Waits");
        run.OnTestStarted(stuck);
        var previous = Activity.Current;
        Activity.Current = null;
        var hook = Hook.StartActivity(Key)!;
        hook.SetTag(TestActivityNames.KeyTag, Key);
        Work.StartActivity("Charge")!.Dispose();
        Activity.Current = previous;

        run.Complete(stopped: processExit);

        var spans = WrittenSpan.ReadAll(results);
        var test = Assert.Single(spans, s => s.Name == "Waits");
        Assert.Equal((hook.TraceId.ToHexString(), 2), (test.TraceId, test.StatusCode));
        Assert.Equal(PlatformTestRun.StoppedExceptionType, test.Attribute("error.type"));
        Assert.Equal(PlatformTestRun.StoppedMessage, test.StatusMessage);
        Assert.Equal(hook.TraceId.ToHexString(), Assert.Single(spans, s => s.Name == "Charge").TraceId);
        Assert.Equal("pass", Assert.Single(spans, s => s.Name == "Adds").Attribute(TestAttributeNames.CaseResultStatus));
        Assert.Equal("aborted", Assert.Single(spans, s => s.Name.StartsWith(TestAttributeNames.AssemblySpanPrefix, StringComparison.Ordinal)).Attribute("test.suite.run.status"));
        Assert.Contains(warnings, w => w.Contains("the test run was aborted (the test session was cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public void Stopped_NoHookRan_TheTestIsTimedFromWhenThePlatformSaidItStarted()
    {
        using var run = NewRun([]);
        var stuck = Node("stuck", "Waits");
        run.OnTestStarted(stuck);
        Thread.Sleep(20);

        run.Complete(stopped: true);

        var test = Assert.Single(WrittenSpan.ReadAll(results), s => s.Name == "Waits");
        Assert.Equal(2, test.StatusCode);
        Assert.True(test.End - test.Start >= 15_000_000, $"{test.End - test.Start} ns");
    }

    [Fact]
    public void Completed_EveryTestFinished_NothingOwedAndTheRunNotAborted()
    {
        var warnings = new List<string>();
        using var run = NewRun(warnings);
        var quick = Node("quick", "Adds");
        run.OnTestStarted(quick);
        run.OnTestFinished(quick, PassedTestNodeStateProperty.CachedInstance);

        run.Complete();

        var spans = WrittenSpan.ReadAll(results);
        Assert.Single(spans, s => s.Attribute(TestAttributeNames.CaseName) is not null);
        Assert.NotEqual("aborted", Assert.Single(spans, s => s.Name.StartsWith(TestAttributeNames.AssemblySpanPrefix, StringComparison.Ordinal)).Attribute("test.suite.run.status"));
        Assert.DoesNotContain(warnings, w => w.Contains("aborted", StringComparison.Ordinal));
    }

    private PlatformTestRun NewRun(List<string> warnings)
    {
        var tracer = new TestRunTracer(new FlakyTraceSettings { OutputDirectory = results, ActivitySources = ["Shop.Jobs"], TestRunId = "stop" },
            results, new LineRunReport(_ => { }, warnings.Add), _ => null);
        return new PlatformTestRun(tracer, new PlatformTestApplication("/bin/Shop.Tests.dll", TestFramework.XUnit));
    }

    // A test as the platform says it is in progress: no timing yet.
    private static TestNode Node(string id, string method) => new()
    {
        Uid = new TestNodeUid(id),
        DisplayName = method,
        Properties = new PropertyBag(InProgressTestNodeStateProperty.CachedInstance,
            new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "Cart", method, 0, [], "System.Void")),
    };
}
