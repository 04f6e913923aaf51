using FlakyCollector.Configuration;
using FlakyCollector.Logging;
using FlakyCollector.Tracing;

namespace FlakyCollector.Logger.Tests;

/// <summary>
/// The made-up tests that compile the logger's path while the test process starts: they go all the
/// way through, nothing of them stays, and nothing of them reaches the run's file, its user or a backend.
/// </summary>
public sealed class ResultPathWarmUpTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("flakytrace-logger-warm-up-").FullName;
    private readonly List<string> info = [];
    private readonly List<string> warnings = [];

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder => Path.Combine(root, "channel", "warm-up");

    private string RunOutput => Path.Combine(root, "TestResults");

    [Fact]
    public void Run_TheWholePath_GoesThroughWithoutAWarningAndLeavesNothing()
    {
        var went = ResultPathWarmUp.Run(new FlakyTraceSettings { OutputDirectory = RunOutput, TestRunId = "run-1" }, Folder, _ => null, Report());

        Assert.True(went);
        Assert.Empty(warnings);
        Assert.False(Directory.Exists(Folder));
        Assert.False(Directory.Exists(RunOutput));
    }

    [Fact]
    public void Run_EndpointsSet_NothingIsSent()
    {
        // Nothing listens on port 1: an export would end in a warning.
        var settings = new FlakyTraceSettings
        {
            TracesEndpoint = new Uri("http://127.0.0.1:1"),
            LogsEndpoint = new Uri("http://127.0.0.1:1"),
            Protocol = OtlpProtocol.HttpProtobuf,
            OutputDirectory = RunOutput,
        };

        var went = ResultPathWarmUp.Run(settings, Folder, _ => null, Report());

        Assert.True(went);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Run_FolderCannotBeMade_FalseWithoutThrowing()
    {
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "");

        var went = ResultPathWarmUp.Run(new FlakyTraceSettings { OutputDirectory = RunOutput }, Path.Combine(file, "warm-up"), _ => null, Report());

        Assert.False(went);
        Assert.False(Directory.Exists(RunOutput));
    }

    [Fact]
    public void Start_OnAThreadOfItsOwn_DoneWithinTheBound()
    {
        var thread = ResultPathWarmUp.Start(new FlakyTraceSettings { OutputDirectory = RunOutput }, Folder, _ => null);

        Assert.True(thread.IsBackground);
        Assert.NotEqual(Environment.CurrentManagedThreadId, thread.ManagedThreadId);
        thread.Join();
        Assert.False(Directory.Exists(Folder));
    }

    private LineRunReport Report() => new(info.Add, warnings.Add);
}
