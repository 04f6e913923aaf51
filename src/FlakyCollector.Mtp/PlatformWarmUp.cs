using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp;

/// <summary>
/// The platform's <see cref="TracerWarmUp"/>, while the framework discovers its tests: two made-up
/// test nodes (one passed, one failed, with a child span) read as a finished test's node is read,
/// with the application's own assembly as their source, so that its resource is read too. The
/// test's recording is made up as well: taking a real one would need an activity, which the run's
/// recorder would hear.
/// </summary>
internal static class PlatformWarmUp
{
    public static Thread Start(FlakyTraceSettings settings, PlatformTestApplication application, Func<string, string?> environment) =>
        TracerWarmUp.Start(() => Run(settings, Folder(), application, environment, new LineRunReport(static _ => { })));

    /// <summary>See <see cref="TracerWarmUp.Run"/>: true when it all went through.</summary>
    internal static bool Run(FlakyTraceSettings settings, string folder, PlatformTestApplication application, Func<string, string?> environment, IRunReport report) =>
        TracerWarmUp.Run(settings, folder, environment, report, fileWriteBehind: TimeSpan.Zero, _ =>
        [
            Read(Node("Passes", PassedTestNodeStateProperty.CachedInstance), application, failed: false),
            Read(Node("Fails", new FailedTestNodeStateProperty(new InvalidOperationException("warm-up"), "warm-up")), application, failed: true),
        ]);

    private static string Folder() => Path.Combine(Path.GetTempPath(), "flakytrace-warm-up-" + Guid.NewGuid().ToString("N"));

    private static CompletedTest Read(TestNode node, PlatformTestApplication application, bool failed)
    {
        var state = TestNodeReader.FinalState(node)!;
        var properties = TestNodeProperties.Of(node);
        var fullName = TestNodeReader.FullyQualifiedName(node, properties.Method);
        for (var form = 0; form < TestNodeReader.HookKeyForms; form++)
        {
            TestNodeReader.HookKey(node, properties.Method, fullName, form);
        }

        var test = TracerWarmUp.TestSpan();
        var recording = ExecutionRecording.From([], "hook", [], TestNodeReader.ExceptionType(state), fixtureLinks: [])
            with { TestSpan = test, Timing = "hook", Children = failed ? [TracerWarmUp.Child(test)] : [] };
        return TestNodeReader.Read(node, properties, fullName, state, application.Source, application.Framework, recording);
    }

    private static TestNode Node(string method, TestNodeStateProperty state)
    {
        var now = DateTimeOffset.UtcNow;
        return new TestNode
        {
            Uid = new TestNodeUid("flakytrace-warm-up-" + method),
            DisplayName = method,
            Properties = new PropertyBag(state, new TimingProperty(new TimingInfo(now, now, TimeSpan.FromTicks(1)))),
        };
    }
}
