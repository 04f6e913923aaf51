using FlakyCollector.Analysis.Tests;

namespace FlakyTrace.Cli.Tests;

public sealed class DotnetTestArgumentsTests : IDisposable
{
    private readonly SampleDirectory _root = new();

    [Fact]
    public void For_VSTest_CollectsFlakyTraceAndKeepsThePath()
    {
        var project = Project("Orders.Tests/Orders.Tests.csproj");

        var command = DotnetTestArguments.For(TestRunner.VSTest, "/r/run-2", ["Orders.Tests/Orders.Tests.csproj", "--filter", "Category=Db"], noBuild: true, _root.Path);

        Assert.True(File.Exists(project));
        Assert.Equal(["test", "--collect", "FlakyTrace", "--results-directory", "/r/run-2", "--no-build", "Orders.Tests/Orders.Tests.csproj", "--filter", "Category=Db"], command);
    }

    [Fact]
    public void For_TestingPlatform_UsesFlakyTraceSwitchAndNamesProjectAndSolution()
    {
        Project("Orders.Tests/Orders.Tests.csproj");
        Project("Orders.slnx");

        var project = DotnetTestArguments.For(TestRunner.MicrosoftTestingPlatform, "/r/run-1", ["Orders.Tests", "--filter", "Category=Db"], noBuild: false, _root.Path);
        var solution = DotnetTestArguments.For(TestRunner.MicrosoftTestingPlatform, "/r/run-1", ["--no-restore", "Orders.slnx"], noBuild: false, _root.Path);

        Assert.Equal(["test", "--flaky-trace", "--results-directory", "/r/run-1", "--project", "Orders.Tests", "--filter", "Category=Db"], project);
        Assert.Equal(["test", "--flaky-trace", "--results-directory", "/r/run-1", "--no-restore", "--solution", "Orders.slnx"], solution);
    }

    [Fact]
    public void For_TestingPlatform_LeavesOptionValuesAndNamedProjectsAlone()
    {
        Project("Orders.Tests/Orders.Tests.csproj");
        Project("ci.runsettings");

        var command = DotnetTestArguments.For(TestRunner.MicrosoftTestingPlatform, "/r/run-1", ["--project", "Orders.Tests", "--settings", "ci.runsettings", "--no-build"], noBuild: true, _root.Path);

        Assert.Equal(["test", "--flaky-trace", "--results-directory", "/r/run-1", "--project", "Orders.Tests", "--settings", "ci.runsettings", "--no-build"], command);
    }

    [Fact]
    public void TargetDirectory_ProjectFileOrFolderOrOption_IsItsFolder()
    {
        var project = Project("tests/Orders.Tests/Orders.Tests.csproj");
        var folder = Path.GetDirectoryName(project)!;

        Assert.Equal(folder, DotnetTestArguments.TargetDirectory(["tests/Orders.Tests/Orders.Tests.csproj"], _root.Path));
        Assert.Equal(folder, DotnetTestArguments.TargetDirectory(["--filter", "A", "tests/Orders.Tests"], _root.Path));
        Assert.Equal(folder, DotnetTestArguments.TargetDirectory(["--project", "tests/Orders.Tests"], _root.Path));
    }

    [Fact]
    public void Absolute_ExistingPaths_BecomeAbsoluteAndTheRestStays()
    {
        var project = Project("Orders.Tests/Orders.Tests.csproj");
        var settings = Project("ci.runsettings");

        var arguments = DotnetTestArguments.Absolute(["Orders.Tests/Orders.Tests.csproj", "--settings", "ci.runsettings", "--filter", "Category=Db", "missing.csproj"], _root.Path);

        Assert.Equal([project, "--settings", settings, "--filter", "Category=Db", "missing.csproj"], arguments);
    }

    [Fact]
    public void TargetDirectory_NoPath_IsTheWorkingDirectory() =>
        Assert.Equal(_root.Path, DotnetTestArguments.TargetDirectory(["--filter", "Category=Db"], _root.Path));

    public void Dispose() => _root.Dispose();

    private string Project(string relative) => _root.File(relative, "<Project />");
}
