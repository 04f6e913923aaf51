using System.Runtime.InteropServices;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace FlakyCollector.Mtp;

/// <summary>
/// The extension the platform sees: it only wires the session's start, each test node update and
/// the session's end to <see cref="PlatformTestRun"/>, and shows what FlakyTrace has to say.
/// Nothing may escape into the test run: every failure becomes one warning.
/// </summary>
internal sealed partial class FlakyTraceSession : IDataConsumer, ITestSessionLifetimeHandler, IOutputDeviceDataProducer, IDataProducer
{
    private readonly ICommandLineOptions options;
    private readonly Func<string> resultsDirectory;
    private readonly IOutputDevice output;
    private readonly IMessageBus messageBus;
    private readonly Func<string, string?> environment;
    private readonly TimeProvider clock;
    private readonly Func<PlatformTestApplication> application;
    private readonly bool warmUp;
    private readonly PlatformRunReport report = new();
    private TracingRequest? request;
    private PlatformTestRun? run;
    private Repro.ReproInjector? injector;
    private Thread? warmingUp;
    // 1 once the run's end has been taken: by the session's end, or by the process's exit before it.
    private int ended;
    private PosixSignalRegistration? terminating;

    public FlakyTraceSession(IServiceProvider services)
        : this(services.GetCommandLineOptions(), services.GetConfiguration().GetTestResultDirectory, services.GetOutputDevice(), services.GetMessageBus(),
            Environment.GetEnvironmentVariable, TimeProvider.System, PlatformTestApplication.Entry, warmUp: true)
    {
    }

    /// <summary>The session's narrow inputs, so that its logic is tested without a test application.</summary>
    internal FlakyTraceSession(ICommandLineOptions options, Func<string> resultsDirectory, IOutputDevice output, IMessageBus messageBus,
        Func<string, string?> environment, TimeProvider clock, Func<PlatformTestApplication> application, bool warmUp = false)
    {
        this.options = options;
        this.resultsDirectory = resultsDirectory;
        this.output = output;
        this.messageBus = messageBus;
        this.environment = environment;
        this.clock = clock;
        this.application = application;
        this.warmUp = warmUp;
    }

    public string Uid => ExtensionInfo.Uid;

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

    public Type[] DataTypesProduced => [typeof(SessionFileArtifact)];

    public Task<bool> IsEnabledAsync()
    {
        request ??= TracingRequest.From(options);
        return Task.FromResult(request.Requested);
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            request ??= TracingRequest.From(options);
            if (request.Problem is not null)
            {
                report.Warning($"{request.Problem}. The tests run untraced.");
            }
            else if (request.Requested)
            {
                var tracer = TraceSession.Start(new TraceSessionOptions
                {
                    RunSettings = request.Settings.Configuration,
                    Environment = environment,
                    Report = report,
                    ResultsDirectory = resultsDirectory,
                    FrontEndDefaults = PlatformTestRun.Defaults(environment),
                });
                if (tracer is not null)
                {
                    var app = application();
                    run = new PlatformTestRun(tracer, app);
                    // A session cancelled (Ctrl+C) or told to end (SIGTERM) never gets its end: the process's exit stands in for it.
                    AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
                    terminating = OnTermination(OnProcessExit);
                    if (warmUp)
                    {
                        warmingUp = PlatformWarmUp.Start(tracer.Settings, app, environment);
                    }

                    injector = Repro.ReproInjector.Start(request.Settings.Configuration.GetValueOrDefault(Repro.ReproSettingNames.Repro), report.Warning);
                }
            }
        }
        catch (Exception ex)
        {
            report.Warning($"could not start: {ex.GetType().Name}: {ex.Message}. The tests run untraced.");
        }

        await ShowAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        try
        {
            if (run is not null && value is TestNodeUpdateMessage update)
            {
                // One read of the property bag per message: the state decides what the message is.
                var state = update.TestNode.Properties.SingleOrDefault<TestNodeStateProperty>();
                if (state is InProgressTestNodeStateProperty)
                {
                    run.OnTestStarted(update.TestNode);
                }
                else if (TestNodeReader.FinalState(state) is { } final)
                {
                    run.OnTestFinished(update.TestNode, final);
                }
            }
        }
        catch (Exception ex)
        {
            report.Warning($"could not record a test: {ex.GetType().Name}: {ex.Message}");
        }

        return Task.CompletedTask;
    }

    private async Task FinishAsync(SessionUid sessionUid, CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        terminating?.Dispose();
        if (Interlocked.Exchange(ref ended, 1) != 0)
        {
            return;
        }

        try
        {
            if (run is not null)
            {
                run.Complete();
                if (run.FilePath is { } path && File.Exists(path))
                {
                    await messageBus.PublishAsync(this, new SessionFileArtifact(sessionUid, new FileInfo(path), "FlakyTrace traces", "OTLP/JSON Lines, one trace per test")).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex)
        {
            report.Warning($"could not finish the run's traces: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            // Its folder is deleted when it ends: a session shorter than the warm-up waits for it, boundedly.
            warmingUp?.Join(TracerWarmUp.Bound);
            injector?.Dispose();
            injector = null;
            run?.Dispose();
            run = null;
        }

        await PublishWarningsAsync(sessionUid).ConfigureAwait(false);
        await ShowAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The process exits before the session's end (the platform does not end a session it cancels,
    /// and a SIGTERM ends the process): the run ends here, with the tests still running cut short,
    /// and the warnings go to their file. Nothing can be shown or published any more.
    /// </summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref ended, 1) != 0 || run is not { } stopping)
        {
            return;
        }

        try
        {
            stopping.Complete(stopped: true);
        }
        catch (Exception ex)
        {
            report.Warning($"could not finish the run's traces: {ex.GetType().Name}: {ex.Message}");
        }

        WriteWarnings();
    }

    /// <summary>
    /// SIGTERM ends a .NET process without its exit event: the run ends in the signal's handler,
    /// and the signal then does what it would have done.
    /// </summary>
    private static PosixSignalRegistration? OnTermination(EventHandler stop)
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop(null, EventArgs.Empty));
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or IOException)
        {
            return null;
        }
    }

    // `dotnet test` shows a platform application's artifacts but not its extensions' messages, so
    // the warnings also go to a file that it lists next to the traces.
    private async Task PublishWarningsAsync(SessionUid sessionUid)
    {
        if (WriteWarnings() is { } path)
        {
            await messageBus.PublishAsync(this, new SessionFileArtifact(sessionUid, new FileInfo(path), "FlakyTrace warnings")).ConfigureAwait(false);
        }
    }

    private string? WriteWarnings()
    {
        if (report.Warnings.Count == 0)
        {
            return null;
        }

        try
        {
            var directory = Path.Combine(resultsDirectory(), "flakytrace");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"warnings_{clock.GetUtcNow():yyyyMMdd'T'HHmmss}_{Environment.ProcessId}.txt");
            File.WriteAllLines(path, report.Warnings);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The warnings are still shown where the platform shows extension messages.
            return null;
        }
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        foreach (var (warning, text) in report.Drain())
        {
            IOutputDeviceData data = warning ? new WarningMessageOutputDeviceData(text) : new TextOutputDeviceData(text);
#if PLATFORM_V1
            await output.DisplayAsync(this, data).ConfigureAwait(false);
#else
            await output.DisplayAsync(this, data, cancellationToken).ConfigureAwait(false);
#endif
        }
    }
}
