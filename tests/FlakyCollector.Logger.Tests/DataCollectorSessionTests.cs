using FlakyCollector.Configuration;
using FlakyCollector.DataCollection;
using FlakyCollector.Tracing;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using TestOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.Logger.Tests;

/// <summary>
/// The out-of-process collector without vstest: its events are raised here, what it logs and hands
/// vstest is kept, its environment is a dictionary and its clock is set by the test.
/// </summary>
public sealed class DataCollectorSessionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private static readonly Uri NUnitExecutor = new("executor://NUnit3TestExecutor");
    private const string Attachment = "attached to the run (vstest lists where it put it under Attachments)";

    private readonly string folder = Directory.CreateTempSubdirectory("flakytrace-collector-").FullName;
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);
    private readonly CollectorEvents events = new();
    private readonly CollectorSink sink = new();
    private readonly CollectorLog log = new();
    private readonly SteppingClock clock = new(Now, TimeSpan.Zero);
    private readonly DataCollectionContext context = new(Case("Shop.Tests.Session"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Initialize_OtelSdkDisabled_SaysNothingAndSendsNothing()
    {
        environment[SettingNames.EnvSdkDisabled] = "true";

        Start("<Configuration />");

        Assert.False(events.Subscribed);
        Assert.Empty(log.Warnings);
        Assert.Empty(sink.Files);
    }

    [Fact]
    public void Initialize_NoSessionContext_StaysOutWithoutThrowing()
    {
        new DataCollectorSession(name => environment.GetValueOrDefault(name), clock, () => folder).Initialize("<Configuration />", events, sink, log, context: null);

        Assert.False(events.Subscribed);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void Initialize_Traced_SaysOnceThatTimingIsCoarse()
    {
        Start("<Configuration><SampleRatio>most</SampleRatio></Configuration>");

        Assert.Single(log.Warnings, w => w.Contains("running without the FlakyCollector package's build integration", StringComparison.Ordinal));
        Assert.Single(log.Warnings, w => w.Contains("sample ratio 'most' is not valid", StringComparison.Ordinal));
        Assert.Equal(2, log.Warnings.Count);
        Assert.Empty(log.Errors);
    }

    [Fact]
    public void TestCaseEnd_TimedFromVstestsEventsByTheClock()
    {
        Start("<Configuration />");
        var adds = Case("Shop.Tests.Cart.Adds");
        var fails = Case("Shop.Tests.Cart.Fails");

        events.Start(adds);
        clock.UtcNow = Now.AddMilliseconds(250);
        events.End(adds, TestOutcome.Passed);
        events.Start(fails);
        clock.UtcNow = Now.AddMilliseconds(400);
        events.End(fails, TestOutcome.Failed);
        events.EndSession();

        var spans = TestSpans();
        var passed = Assert.Single(spans, s => s.Attribute(TestAttributeNames.CaseName) == adds.FullyQualifiedName);
        Assert.Equal(Nanos(Now), passed.Start);
        Assert.Equal(Nanos(Now.AddMilliseconds(250)), passed.End);
        Assert.Equal(0, passed.StatusCode);
        var failed = Assert.Single(spans, s => s.Attribute(TestAttributeNames.CaseName) == fails.FullyQualifiedName);
        Assert.Equal((Nanos(Now.AddMilliseconds(250)), Nanos(Now.AddMilliseconds(400)), 2), (failed.Start, failed.End, failed.StatusCode));
    }

    [Fact]
    public void TestCaseEnd_WithoutItsStart_AnInstantAtTheEnd()
    {
        Start("<Configuration />");
        clock.UtcNow = Now.AddSeconds(3);

        events.End(Case("Shop.Tests.Cart.Adds"), TestOutcome.Passed);
        events.EndSession();

        var span = Assert.Single(TestSpans());
        Assert.Equal((Nanos(Now.AddSeconds(3)), Nanos(Now.AddSeconds(3))), (span.Start, span.End));
    }

    [Fact]
    public void SessionEnd_TheFileIsHandedToVstest_AndTheLineNamesTheAttachment()
    {
        Start("<Configuration><OutputDirectory>/not/used/here</OutputDirectory></Configuration>");
        var adds = Case("Shop.Tests.Cart.Adds");
        events.Start(adds);
        events.End(adds, TestOutcome.Passed);

        events.EndSession();

        var file = Assert.Single(sink.Files);
        Assert.StartsWith(folder, file.Path, StringComparison.Ordinal);
        Assert.Single(log.Warnings, w => w.StartsWith($"FlakyTrace: 1 test traces written to {Path.GetFileName(file.Path)}, {Attachment}", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Warnings, w => w.Contains(file.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void SessionEnd_NoTestRan_NothingHandedToVstest()
    {
        Start("<Configuration />");

        events.EndSession();

        Assert.Empty(sink.Files);
    }

    private void Start(string configuration) =>
        new DataCollectorSession(name => environment.GetValueOrDefault(name), clock, () => folder).Initialize(configuration, events, sink, log, context);

    private List<WrittenSpan> TestSpans() => [.. WrittenSpan.ReadAll(folder).Where(s => s.Attribute(TestAttributeNames.CaseName) is not null)];

    private static long Nanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static TestCase Case(string fullyQualifiedName) =>
        new(fullyQualifiedName, NUnitExecutor, "/bin/Shop.Tests.dll") { DisplayName = fullyQualifiedName.Split('.')[^1] };
}
