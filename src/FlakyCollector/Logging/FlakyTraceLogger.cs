using FlakyCollector.Configuration;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;

namespace FlakyCollector.Logging;

/// <summary>
/// The part of FlakyTrace that runs in vstest.console, added by the package's .targets through the
/// run settings. It sees each test's full result (message, stack trace, output) and the recording
/// the test process attached to it. vstest loads this type before FlakyCollector.Core can be
/// resolved, so it holds nothing of the core's and only hands vstest's events on to <see cref="LoggerSession"/>.
/// </summary>
[FriendlyName(SettingNames.FriendlyName)]
[ExtensionUri(SettingNames.LoggerUri)]
public sealed class FlakyTraceLogger : ITestLoggerWithParameters
{
    private readonly LoggerSession session = new(Environment.GetEnvironmentVariable, TimeProvider.System, Console.Out.WriteLine, RecordingChannelHost.Process, warmUp: true);

    static FlakyTraceLogger() => CollectorAssemblyResolver.Register();

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { [DefaultLoggerParameterNames.TestRunDirectory] = testRunDirectory });

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters) => session.Initialize(events, parameters);
}
