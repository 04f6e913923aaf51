using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Repro;
using FlakyCollector.Tests.Recording;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Repro;

/// <summary>
/// Under an order condition the collector marks, in the test's own trace, whether the test under
/// repro went on after its predecessor ended: repro reads that, not the framework's times.
/// </summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class ReproOrderMarkTests : IDisposable
{
    private static readonly ActivitySource Tests = new(TestActivityNames.SourceName);

    private readonly ActivityRecorder recorder = new(new SourceFilter([]), captureLogs: false);

    public void Dispose() => recorder.Dispose();

    [Fact]
    public void StartAfterTest_PredecessorEnded_MarkedAfterIt_InTheTestsTrace()
    {
        using var injector = ReproInjector.Start("test=Ns.Signup.Signs_Up\naction=start-after-test\nspan=Ns.Import.Imports\nby=20s", _ => { });
        Activity.Current = null;
        Tests.StartActivity("Ns.Import.Imports")!.Stop();

        var mark = Assert.Single(ChildrenOf("Ns.Signup.Signs_Up"));

        Assert.Equal((ReproSettingNames.AfterPredecessorSpan, (object)"started after Ns.Import.Imports ended"), (mark.Name, Injected(mark)));
    }

    [Fact]
    public void StartAfterTest_PredecessorOfItsClassNotStarted_MarkedBeforeIt_InTheTestsTrace()
    {
        using var injector = ReproInjector.Start("test=Ns.Pricing.Prices_Kettle\naction=start-after-test\nspan=Ns.Pricing.Applies_Holiday_Discount\nby=20s", _ => { });

        var mark = Assert.Single(ChildrenOf("Ns.Pricing.Prices_Kettle"));

        Assert.Equal((ReproSettingNames.BeforePredecessorSpan, (object)"Ns.Pricing.Applies_Holiday_Discount, of its own class, had not started"), (mark.Name, Injected(mark)));
    }

    private IReadOnlyList<Spans.SpanData> ChildrenOf(string test)
    {
        var trace = recorder.StartTest(test)!;
        var children = recorder.FinishTest(trace).TakeChildren();
        Assert.All(children, c => Assert.Equal(trace.TraceId.ToHexString(), c.TraceId));
        return children;
    }

    private static object? Injected(Spans.SpanData span) =>
        span.Attributes.Single(a => a.Key == ReproSettingNames.InjectedAttribute).Value;
}
