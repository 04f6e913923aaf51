using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Logger.Tests;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp.Tests;

/// <summary>
/// An xUnit theory's rows share one hook key, as do NUnit cases whose arguments print alike. The
/// platform hands each finished test over later than it ended, by as much as the machine is loaded,
/// so the next one may already have filed its recording: a row that ran no hook must not take it,
/// and a case must not take it as a failed earlier attempt of its own.
/// </summary>
[Collection(nameof(FlakyTraceSessionTests))]
public sealed class PlatformTestRunRowTests : IDisposable
{
    private const string Key = "Shop.Tests.Cart.Adds";
    private static readonly ActivitySource Hook = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Work = new("Shop.Jobs");
    private readonly string results = Directory.CreateTempSubdirectory("flakytrace-platform-rows-").FullName;

    public void Dispose() => Directory.Delete(results, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void XunitTheory_ARowWithoutHook_DoesNotTakeTheNextRowsRecording(bool handedOverLate)
    {
        var tracer = new TestRunTracer(new FlakyTraceSettings { OutputDirectory = results, ActivitySources = ["Shop.Jobs"], TestRunId = "rows" },
            results, new LineRunReport(_ => { }, _ => { }), _ => null);
        using var run = new PlatformTestRun(tracer, new PlatformTestApplication("/bin/Shop.Tests.dll", TestFramework.XUnit));

        var row1 = RunRow(charges: false);
        var first = Row("1", PassedTestNodeStateProperty.CachedInstance);
        var skipped = Row("2", new SkippedTestNodeStateProperty("not this row")); // skipped statically: no hook ran
        if (!handedOverLate)
        {
            Finish(run, first);
            Finish(run, skipped);
        }

        var row3 = RunRow(charges: true);
        var third = Row("3", new FailedTestNodeStateProperty("boom"));
        if (handedOverLate)
        {
            Finish(run, first);
            Finish(run, skipped);
        }

        Finish(run, third);
        run.Complete();

        var spans = WrittenSpan.ReadAll(results);
        var charge = Assert.Single(spans, s => s.Name == "Charge");
        var tests = spans.Where(s => s.Attribute(TestAttributeNames.CaseName) is not null).ToDictionary(s => s.Name);
        // Each row that ran is its own hook's trace; the skipped row is neither.
        Assert.Equal((row1, row3, row3), (tests["Adds(x: 1)"].TraceId, tests["Adds(x: 3)"].TraceId, charge.TraceId));
        Assert.DoesNotContain(tests["Adds(x: 2)"].TraceId, new[] { row1, row3 });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NUnitCasesOfOneName_TheNextCasesRecordingIsNotARetry(bool handedOverLate)
    {
        const string nunitKey = "Shop.Tests.Cart.Adds(Shop.Row)";
        var tracer = new TestRunTracer(new FlakyTraceSettings { OutputDirectory = results, ActivitySources = ["Shop.Jobs"], TestRunId = "cases" },
            results, new LineRunReport(_ => { }, _ => { }), _ => null);
        using var run = new PlatformTestRun(tracer, new PlatformTestApplication("/bin/Shop.Tests.dll", TestFramework.NUnit));

        var passing = RunRow(charges: false, nunitKey, outcome: "Passed");
        var first = Case("1", PassedTestNodeStateProperty.CachedInstance);
        if (!handedOverLate)
        {
            Finish(run, first);
        }

        Thread.Sleep(5); // the second case starts after the first ended, as NUnit runs a fixture's cases one by one
        var failing = RunRow(charges: true, nunitKey, outcome: "Failed");
        var second = Case("2", new FailedTestNodeStateProperty("boom"));
        if (handedOverLate)
        {
            Finish(run, first);
        }

        Finish(run, second);
        run.Complete();

        var spans = WrittenSpan.ReadAll(results);
        var tests = spans.Where(s => s.Attribute(TestAttributeNames.CaseName) is not null).ToList();
        Assert.Equal(2, tests.Count);
        Assert.Equal([passing, failing], tests.OrderBy(t => t.Attribute(TestAttributeNames.Outcome) == "failed").Select(t => t.TraceId));
        Assert.Equal(failing, Assert.Single(spans, s => s.Name == "Charge").TraceId);
    }

    private static void Finish(PlatformTestRun run, TestNode node) => run.OnTestFinished(node, TestNodeReader.FinalState(node)!);

    private static string RunRow(bool charges, string key = Key, string? outcome = null)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Hook.StartActivity(key)!;
        activity.SetTag(TestActivityNames.KeyTag, key);
        if (charges)
        {
            Work.StartActivity("Charge")!.Dispose();
        }

        if (outcome is not null)
        {
            activity.SetTag(TestActivityNames.OutcomeTag, outcome);
        }

        activity.Stop();
        Activity.Current = previous;
        return activity.TraceId.ToHexString();
    }

    // A row as xUnit reports it when it ends: its timing ends now.
    private static TestNode Row(string row, TestNodeStateProperty state)
    {
        var now = DateTimeOffset.UtcNow;
        return new TestNode
        {
            Uid = new TestNodeUid("case-" + row),
            DisplayName = $"Adds(x: {row})",
            Properties = new PropertyBag(state,
                new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "Cart", "Adds", 1, ["System.Int32"], "System.Void"),
                new TimingProperty(new TimingInfo(now, now, TimeSpan.Zero))),
        };
    }

    // An NUnit case as its runner reports it when it ends: its argument prints as its type's name.
    private static TestNode Case(string id, TestNodeStateProperty state)
    {
        var now = DateTimeOffset.UtcNow;
        return new TestNode
        {
            Uid = new TestNodeUid("nunit-case-" + id),
            DisplayName = "Adds(Shop.Row)",
            Properties = new PropertyBag(state,
                new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "Cart", "Adds", 0, ["Shop.Row"], "System.Void"),
                new TimingProperty(new TimingInfo(now.AddMilliseconds(-1), now, TimeSpan.FromMilliseconds(1)))),
        };
    }
}
