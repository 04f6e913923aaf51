using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Logger.Tests;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp.Tests;

/// <summary>
/// The platform session without a test application: its command line, output device and message
/// bus are kept here, the environment is a dictionary, the clock fixed, the test nodes built as the
/// platform builds them, and the run's file read back.
/// </summary>
// The session starts an ActivityRecorder, a process-wide listener: these tests run one at a time.
[Collection(nameof(FlakyTraceSessionTests))]
public sealed class FlakyTraceSessionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private static readonly ActivitySource Hook = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Jobs = new("Shop.Jobs");

    private readonly string results = Directory.CreateTempSubdirectory("flakytrace-platform-").FullName;
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);
    private readonly PlatformOutput output = new();
    private readonly SessionContext context = new();

    public void Dispose() => Directory.Delete(results, recursive: true);

    [Fact]
    public async Task Session_NotAskedFor_OffAndSaysNothing()
    {
        var session = Session([]);

        Assert.False(await session.IsEnabledAsync());
        await RunAsync(session, Passed("uid-1", "Adds"));

        Assert.Empty(output.Lines);
        Assert.Empty(output.Artifacts);
        Assert.Empty(Directory.EnumerateFileSystemEntries(results));
    }

    [Theory]
    [InlineData("flaky-trace")]
    [InlineData("collect")]
    public async Task IsEnabled_TheSwitchOrVstestsCollect_On(string option)
    {
        var session = Session(new() { [option] = option == "collect" ? ["FlakyTrace"] : [] });

        Assert.True(await session.IsEnabledAsync());
    }

    [Fact]
    public async Task Session_OtelSdkDisabled_NoTraceNoArtifact()
    {
        environment[SettingNames.EnvSdkDisabled] = "true";

        await RunAsync(Session(new() { ["flaky-trace"] = [] }), Passed("uid-1", "Adds"));

        Assert.Empty(output.Artifacts);
        Assert.Empty(output.Lines);
    }

    [Fact]
    public async Task Session_SettingsFileUnreadable_OneWarningShownAndListedAsAnArtifact()
    {
        var missing = Path.Combine(results, "missing.runsettings");

        await RunAsync(Session(new() { ["flaky-trace"] = [], ["flaky-trace-settings"] = [missing] }), Passed("uid-1", "Adds"));

        var warning = Assert.Single(output.Lines);
        Assert.True(warning.Warning);
        Assert.StartsWith($"FlakyTrace warning: could not read the run settings file {missing}: ", warning.Text, StringComparison.Ordinal);
        Assert.EndsWith("The tests run untraced.", warning.Text, StringComparison.Ordinal);
        var artifact = Assert.Single(output.Artifacts);
        Assert.Equal($"warnings_20261206T040000_{Environment.ProcessId}.txt", artifact.FileInfo.Name);
        Assert.Equal([warning.Text], File.ReadAllLines(artifact.FileInfo.FullName));
        Assert.Empty(WrittenSpan.ReadAll(results));
    }

    [Fact]
    public async Task ConsumeAsync_FinishedNodes_JoinedWithTheHooksActivity_OthersTimedByTheFramework()
    {
        var session = Session(new() { ["flaky-trace"] = [] });
        await session.OnTestSessionStartingAsync(context);
        var hooked = RunHook("uid-1");

        await session.ConsumeAsync(session, Update("uid-1", "Adds", new InProgressTestNodeStateProperty()), CancellationToken.None);
        // The framework timed the test as the hook did; where they disagree the framework's interval is taken, and said so.
        var start = new DateTimeOffset(hooked.StartTimeUtc);
        await session.ConsumeAsync(session, Update("uid-1", "Adds", PassedTestNodeStateProperty.CachedInstance, new TimingInfo(start, start + hooked.Duration, hooked.Duration)), CancellationToken.None);
        await session.ConsumeAsync(session, Update("uid-2", "Removes", new FailedTestNodeStateProperty("out of stock")), CancellationToken.None);
        await session.OnTestSessionFinishingAsync(context);

        var spans = TestSpans();
        Assert.Equal(2, spans.Count);
        var adds = Assert.Single(spans, s => s.Name == "Adds");
        Assert.Equal((hooked.TraceId.ToHexString(), hooked.SpanId.ToHexString(), "hook"), (adds.TraceId, adds.SpanId, adds.Attribute(TestAttributeNames.Timing)));
        var removes = Assert.Single(spans, s => s.Name == "Removes");
        Assert.Equal(("framework", 2, "out of stock"), (removes.Attribute(TestAttributeNames.Timing), removes.StatusCode, removes.StatusMessage));
        var traces = Assert.Single(output.Artifacts);
        Assert.EndsWith(".otlp.jsonl", traces.FileInfo.Name, StringComparison.Ordinal);
        Assert.Contains(output.Lines, l => !l.Warning && l.Text == $"FlakyTrace: 2 test traces written to {traces.FileInfo.FullName}");
    }

    [Fact]
    public async Task Finish_WorkAfterTheLastTest_InTheFile_AndAnEnabledCollectorInTheSettingsSwitchesTracingOn()
    {
        var settings = Path.Combine(results, "flakytrace.runsettings");
        File.WriteAllText(settings, """
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="FlakyTrace" enabled="true"><Configuration><ActivitySources>Shop.Jobs</ActivitySources></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);
        var session = Session(new() { ["flaky-trace-settings"] = [settings] });
        Assert.True(await session.IsEnabledAsync());
        await session.OnTestSessionStartingAsync(context);
        await session.ConsumeAsync(session, Update("uid-1", "Adds", PassedTestNodeStateProperty.CachedInstance), CancellationToken.None);

        var previous = Activity.Current;
        Activity.Current = null;
        Jobs.StartActivity("Nightly")!.Dispose();
        Activity.Current = previous;
        await session.OnTestSessionFinishingAsync(context);

        Assert.Contains(WrittenSpan.ReadAll(results), s => s.Name == "Nightly");
    }

    [Fact]
    public async Task Start_BadSetting_WarnedOnce_AndTheRunIsTraced()
    {
        environment[SettingNames.EnvServiceName] = "shop-tests";
        var settings = Path.Combine(results, "flakytrace.runsettings");
        File.WriteAllText(settings, """
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="FlakyTrace"><Configuration><SampleRatio>most</SampleRatio></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);

        await RunAsync(Session(new() { ["flaky-trace"] = [], ["flaky-trace-settings"] = [settings] }), Passed("uid-1", "Adds"));

        Assert.Single(output.Lines, l => l.Warning && l.Text.Contains("sample ratio 'most' is not valid", StringComparison.Ordinal));
        Assert.Single(TestSpans());
        Assert.Equal(2, output.Artifacts.Count);
    }

    [Fact]
    public async Task Session_WarmingUp_TheRunsFileHasItsOwnTestsOnly()
    {
        // The session ends at once, while the warm-up may still be going. (Its folder is in the shared
        // temporary folder, where other test processes make theirs: PlatformWarmUpTests checks it goes.)
        await RunAsync(Session(new() { ["flaky-trace"] = [] }, warmUp: true), Passed("uid-1", "Adds"));

        Assert.Equal(["Adds"], TestSpans().Select(s => s.Name));
        Assert.DoesNotContain(WrittenSpan.ReadAll(results), s => s.Name is "Passes" or "Fails" or "GET");
        Assert.Single(Directory.GetFiles(results, "*.otlp.jsonl", SearchOption.AllDirectories));
        Assert.DoesNotContain(output.Lines, l => l.Warning);
    }

    private FlakyTraceSession Session(Dictionary<string, string[]> options, bool warmUp = false) =>
        new(new CommandLine(options), () => results, output, output, name => environment.GetValueOrDefault(name), new FixedClock(Now),
            () => new PlatformTestApplication("/bin/Shop.Tests.dll", TestFramework.XUnit), warmUp);

    private async Task RunAsync(FlakyTraceSession session, TestNodeUpdateMessage update)
    {
        await session.IsEnabledAsync();
        await session.OnTestSessionStartingAsync(context);
        await session.ConsumeAsync(session, update, CancellationToken.None);
        await session.OnTestSessionFinishingAsync(context);
    }

    private List<WrittenSpan> TestSpans() => [.. WrittenSpan.ReadAll(results).Where(s => s.Attribute(TestAttributeNames.CaseName) is not null)];

    /// <summary>What the xUnit v3 hook does around a test: a root activity of the test source, filed under the node's key.</summary>
    private static Activity RunHook(string key)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Hook.StartActivity("Adds")!;
        activity.SetTag(TestActivityNames.KeyTag, key);
        activity.Stop();
        Activity.Current = previous;
        return activity;
    }

    private TestNodeUpdateMessage Passed(string uid, string name) => Update(uid, name, PassedTestNodeStateProperty.CachedInstance);

    private TestNodeUpdateMessage Update(string uid, string name, TestNodeStateProperty state, TimingInfo? timing = null) =>
        new(context.SessionUid, new TestNode
        {
            Uid = new TestNodeUid(uid),
            DisplayName = name,
            Properties = new PropertyBag(state,
                new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "Cart", name, 0, [], "System.Void"),
                new TimingProperty(timing ?? new TimingInfo(Now.AddSeconds(-1), Now, TimeSpan.FromSeconds(1)))),
        });
}
