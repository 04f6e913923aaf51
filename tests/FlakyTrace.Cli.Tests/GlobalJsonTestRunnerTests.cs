using FlakyCollector.Analysis.Tests;

namespace FlakyTrace.Cli.Tests;

public sealed class GlobalJsonTestRunnerTests : IDisposable
{
    private readonly SampleDirectory _root = new();

    [Fact]
    public void Detect_RunnerInProjectFolder_IsTestingPlatform()
    {
        var project = Folder("Orders.Tests", """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");

        Assert.Equal(TestRunner.MicrosoftTestingPlatform, GlobalJsonTestRunner.Detect(project));
    }

    [Fact]
    public void Detect_RunnerInParentFolder_IsTestingPlatform()
    {
        Folder("", """{ "sdk": { "version": "10.0.100" }, "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var project = Folder(Path.Combine("tests", "Orders.Tests"), null);

        Assert.Equal(TestRunner.MicrosoftTestingPlatform, GlobalJsonTestRunner.Detect(project));
    }

    [Fact]
    public void Detect_NearerGlobalJsonWithoutRunner_WinsOverParent()
    {
        Folder("", """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var project = Folder("Legacy.Tests", """{ "sdk": { "version": "10.0.100" } }""");

        Assert.Equal(TestRunner.VSTest, GlobalJsonTestRunner.Detect(project));
    }

    [Theory]
    [InlineData("""{ "test": { "runner": "VSTest" } }""")]
    [InlineData("""{ "test": "Microsoft.Testing.Platform" }""")]
    [InlineData("""{ "test": { "runner": 1 } }""")]
    [InlineData("""[ "Microsoft.Testing.Platform" ]""")]
    [InlineData("""{ "test": { "runner": "Microsoft.Testing.Platform" """)]
    public void Detect_OtherOrBrokenRunner_IsVSTest(string json) =>
        Assert.Equal(TestRunner.VSTest, GlobalJsonTestRunner.Detect(Folder("Orders.Tests", json)));

    [Fact]
    public void Detect_CommentsTrailingCommasAndCase_AreAccepted()
    {
        var project = Folder("Orders.Tests", """
            {
              // The SDK reads global.json leniently, so must we.
              "test": { "runner": "microsoft.testing.platform", },
            }
            """);

        Assert.Equal(TestRunner.MicrosoftTestingPlatform, GlobalJsonTestRunner.Detect(project));
    }

    [Fact]
    public void Detect_NoGlobalJsonAnywhere_IsVSTest()
    {
        var project = Folder("Orders.Tests", null);
        Assert.DoesNotContain(Ancestors(project), folder => File.Exists(Path.Combine(folder, "global.json")));

        Assert.Equal(TestRunner.VSTest, GlobalJsonTestRunner.Detect(project));
    }

    [Fact]
    public void Find_NestedFolders_IsTheNearestGlobalJson()
    {
        var outer = Folder("", "{}");
        var inner = Folder("Legacy.Tests", "{}");
        var deep = Folder(Path.Combine("tests", "Orders.Tests"), null);

        Assert.Equal(Path.Combine(inner, "global.json"), GlobalJsonTestRunner.Find(inner));
        Assert.Equal(Path.Combine(outer, "global.json"), GlobalJsonTestRunner.Find(deep));
    }

    public void Dispose() => _root.Dispose();

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }

    private string Folder(string relative, string? globalJson)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.Path, relative)).FullName;
        if (globalJson is not null)
        {
            File.WriteAllText(Path.Combine(folder, "global.json"), globalJson);
        }

        return folder;
    }
}
