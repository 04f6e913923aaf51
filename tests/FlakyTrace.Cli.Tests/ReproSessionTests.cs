namespace FlakyTrace.Cli.Tests;

public sealed class ReproSessionTests : IDisposable
{
    private readonly string project = Directory.CreateTempSubdirectory("repro-session-").FullName;

    public ReproSessionTests() =>
        File.WriteAllText(Path.Combine(project, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");

    public void Dispose() => Directory.Delete(project, recursive: true);

    [Fact]
    public void OnThePlatform_TheUsersFlakyTraceSettingsAreMergedNotPassedTwice()
    {
        var session = new ReproSession("dotnet", ["--flaky-trace", "--flaky-trace-settings", "mine.runsettings"], project);

        var command = session.CommandLine(Path.Combine(project, "with.runsettings"), null).Split(' ');

        Assert.Equal(TestRunner.MicrosoftTestingPlatform, session.TestRunner);
        Assert.Equal(Path.Combine(project, "mine.runsettings"), session.UserSettings);
        Assert.Single(command, w => w == "--flaky-trace");
        Assert.Single(command, w => w == "--flaky-trace-settings");
        Assert.DoesNotContain("--settings", command);
        Assert.DoesNotContain(Path.Combine(project, "mine.runsettings"), command);
    }

    [Fact]
    public void OnThePlatform_TheUsersSettingsStayTheFrameworks()
    {
        var session = new ReproSession("dotnet", ["--settings", "mine.runsettings"], project);

        var command = session.CommandLine(Path.Combine(project, "with.runsettings"), null).Split(' ');

        Assert.Contains("--settings", command);
        Assert.Contains(Path.Combine(project, "mine.runsettings"), command);
    }
}
