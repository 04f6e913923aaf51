using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Logger.Tests;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp.Tests;

/// <summary>
/// An xUnit theory's rows share one hook key. The platform hands each finished row over later than
/// it ended, by as much as the machine is loaded, so the next row may already have filed its
/// recording: a row that ran no hook must not take it.
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

    private static void Finish(PlatformTestRun run, TestNode node) => run.OnTestFinished(node, TestNodeReader.FinalState(node)!);

    private static string RunRow(bool charges)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Hook.StartActivity(Key)!;
        activity.SetTag(TestActivityNames.KeyTag, Key);
        if (charges)
        {
            Work.StartActivity("Charge")!.Dispose();
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
}
