using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Mtp.Tests;

/// <summary>
/// The made-up test nodes that compile the platform's path while the framework discovers its
/// tests: they go all the way through, nothing of them stays, and nothing reaches the run's output.
/// </summary>
public sealed class PlatformWarmUpTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("flakytrace-platform-warm-up-").FullName;
    private readonly List<string> warnings = [];

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder => Path.Combine(root, "warm-up");

    private string RunOutput => Path.Combine(root, "TestResults");

    [Theory]
    [InlineData(nameof(TestFramework.MSTest))]
    [InlineData(nameof(TestFramework.XUnit))]
    [InlineData(nameof(TestFramework.TUnit))]
    public void Run_TheWholePath_GoesThroughWithoutAWarningAndLeavesNothing(string framework)
    {
        var application = new PlatformTestApplication(typeof(PlatformWarmUpTests).Assembly.Location, Enum.Parse<TestFramework>(framework));

        var went = PlatformWarmUp.Run(new FlakyTraceSettings { OutputDirectory = RunOutput, TestRunId = "run-1" }, Folder, application, _ => null,
            new LineRunReport(_ => { }, warnings.Add));

        Assert.True(went);
        Assert.Empty(warnings);
        Assert.False(Directory.Exists(Folder));
        Assert.False(Directory.Exists(RunOutput));
    }

    [Fact]
    public void Run_FolderCannotBeMade_FalseWithoutThrowing()
    {
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "");

        var went = PlatformWarmUp.Run(new FlakyTraceSettings { OutputDirectory = RunOutput }, Path.Combine(file, "warm-up"),
            new PlatformTestApplication("/bin/Shop.Tests.dll", TestFramework.MSTest), _ => null, new LineRunReport(_ => { }, warnings.Add));

        Assert.False(went);
        Assert.False(Directory.Exists(RunOutput));
    }
}
