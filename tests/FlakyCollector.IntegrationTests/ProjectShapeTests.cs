using System.Text;
using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The package in the project shapes real repositories have (tests/samples/Shapes): each sample
/// first runs as the user had it, then with the package added and `--collect FlakyTrace`. The
/// build must still succeed, the run must end as it did, and every test's span must agree with the
/// TRX of the traced run.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProjectShapeTests(PackageFeed feed, Net8ShapeRun net8) : IClassFixture<Net8ShapeRun>
{
    private const string NotTracedCode = "warning FLAKYTRACE001";

    [Fact]
    public void MultiTargetedWithNet48_BuildsBothLegs_TracesTheNetLeg_AndSaysOnceTheNet48LegIsNot()
    {
        using var shape = ShapeProject.Create("MultiTargetXunit", feed);

        // This machine has no .NET Framework to run the net48 leg on: that leg ends alike in both runs.
        var traced = RunUntracedThenTraced(shape);

        Assert.True(Holds(shape.Assembly("/net10.0/"), "FlakyTraceXunitHook"), "the net10.0 leg is built with the hook, at C# 7.3");
        Assert.False(Holds(shape.Assembly("/net48/"), "FlakyTraceXunitHook"), "the net48 leg is built without the hook");
        var notTraced = Assert.Single(Lines(traced), l => l.Contains(NotTracedCode, StringComparison.Ordinal));
        Assert.Contains("MultiTargetXunit (net48) is not traced", notTraced, StringComparison.Ordinal);
        Assert.All(traced.TestSpans, s => Assert.Equal("MultiTargetXunit", s.Resource["service.name"]));
    }

    [Fact]
    public void MSTestWithDocsAndWarningsAsErrors_BuildsWithTheHook_AndIsTraced()
    {
        using var shape = ShapeProject.Create("DocsAsErrorsMSTest", feed);

        RunUntracedThenTraced(shape);

        Assert.True(Holds(shape.Assembly("/net10.0/"), "FlakyTraceMSTestHook"));
    }

    [Fact]
    public void PathWithSpacesAndAmpersand_IsTraced()
    {
        // The packages folder is under it too, so the collector's own paths hold '&' as well.
        using var shape = ShapeProject.Create("PathsNUnit", feed, under: "R&D tests/Team & Co");

        var traced = RunUntracedThenTraced(shape);

        Assert.True(Holds(shape.Assembly("/net10.0/"), "FlakyTraceNUnitHook"), "the hook compiles at C# 7.3 with Nullable off");
        Assert.Contains("&", traced.TraceFiles.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void TeamDirectoryBuildTargetsThatSetVSTestSetting_IsTraced_AndItsSettingsStillApply()
    {
        using var shape = ShapeProject.Create("TeamTargetsXunit", feed);

        var traced = RunUntracedThenTraced(shape);

        Assert.Equal("Passed", traced.TrxResults.Single(r => r.TestName.EndsWith("Team_RunSettings_Reach_The_Tests", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public void UseArtifactsOutput_IsTraced_AndTheRunSettingsGoUnderTheArtifactsFolder()
    {
        using var shape = ShapeProject.Create("ArtifactsOutputMSTest", feed);

        RunUntracedThenTraced(shape);

        var written = Directory.GetFiles(shape.Directory, "flakytrace.runsettings", SearchOption.AllDirectories);
        Assert.StartsWith(Path.Combine(shape.Directory, "artifacts", "obj"), Assert.Single(written), StringComparison.Ordinal);
        Assert.True(Holds(shape.Assembly("/artifacts/bin/"), "FlakyTraceMSTestHook"), "the hook compiles at C# 7.3");
    }

    [Fact]
    public void FlakyTraceHookSwitchedOff_CompilesTheAssemblyAgainWithoutIt()
    {
        using var shape = ShapeProject.Create("TeamTargetsXunit", feed);
        shape.AddPackage();

        Assert.Equal(0, shape.Dotnet(["build"]).ExitCode);
        Assert.True(Holds(shape.Assembly("/net10.0/"), "FlakyTraceXunitHook"));
        var off = shape.Dotnet(["build", "-p:FlakyTraceHook=false"]);

        Assert.Equal(0, off.ExitCode);
        Assert.False(Holds(shape.Assembly("/net10.0/"), "FlakyTraceXunitHook"), off.Output);
    }

    [Fact]
    public void MalformedRunSettings_GetVstestsOwnMessage_AndAtMostOneWarningOfOurs()
    {
        using var shape = ShapeProject.Create("PathsNUnit", feed);
        var broken = Path.Combine(shape.Directory, "broken.runsettings");
        File.WriteAllText(broken, "<RunSettings><RunConfiguration>\n");
        Assert.Equal(0, shape.Dotnet(["build"]).ExitCode);
        var untraced = shape.Test(["--no-build", "--settings", broken]);
        shape.AddPackage();
        Assert.Equal(0, shape.Dotnet(["build"]).ExitCode);

        var referenced = shape.Test(["--no-build", "--settings", broken]);
        var asked = shape.Test(["--no-build", "--settings", broken, "--collect", "FlakyTrace"]);

        Assert.Contains("Settings file provided does not conform to required format", untraced.Process.Output, StringComparison.Ordinal);
        Assert.Equal(untraced.Process.ExitCode, referenced.Process.ExitCode);
        Assert.Equal(Lines(untraced).Where(IsVstestSettingsError), Lines(referenced).Where(IsVstestSettingsError));
        Assert.DoesNotContain("FlakyCollector.targets", referenced.Process.Output, StringComparison.Ordinal);

        Assert.Equal(untraced.Process.ExitCode, asked.Process.ExitCode);
        var warning = Assert.Single(Lines(asked), l => l.Contains("FlakyCollector.targets", StringComparison.Ordinal));
        Assert.Contains("warning", warning, StringComparison.Ordinal);
        Assert.Contains(broken, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(": error", asked.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Net8Testhost_IsTraced_WithTheSpansOfTheTrx()
    {
        var traced = net8.Get(feed, RunUntracedThenTraced);

        Assert.All(traced.TestSpans, s => Assert.StartsWith("8.0.", s.Resource["process.runtime.version"]?.ToString(), StringComparison.Ordinal));
        Assert.Equal("Passed", traced.TrxResults.Single(r => r.TestName.EndsWith("Runs_On_DotNet8", StringComparison.Ordinal)).Outcome);
        var test = traced.TestSpans.Single(s => s.Attribute("code.function.name") == "Calls_Loopback_Service");
        var http = Assert.Single(traced.Spans, s => s.TraceId == test.TraceId && s.Scope == "System.Net.Http");
        Assert.Equal(test.SpanId, http.ParentSpanId);
    }

    /// <summary>.NET 8's HttpClient activities carry no tags of their own; the collector adds them.</summary>
    [Fact]
    public void Net8HttpChildSpans_CarryTheSemanticConventionTags()
    {
        var traced = net8.Get(feed, RunUntracedThenTraced);

        var test = traced.TestSpans.Single(s => s.Attribute("code.function.name") == "Calls_Loopback_Service");
        var http = Assert.Single(traced.Spans, s => s.TraceId == test.TraceId && s.Scope == "System.Net.Http");
        Assert.Equal("GET", http.Attribute("http.request.method"));
        Assert.EndsWith("/health", http.Attribute("url.full"), StringComparison.Ordinal);
        Assert.Equal(200L, http.Attributes.GetValueOrDefault("http.response.status_code"));
    }

    /// <summary>The run as the user had it, then with the package added and FlakyTrace asked for.</summary>
    private static SampleRun RunUntracedThenTraced(ShapeProject shape, params string[] arguments)
    {
        var options = arguments.TakeWhile(a => a != "--").ToList();
        var inline = arguments.SkipWhile(a => a != "--").ToList();
        var untraced = shape.Test([.. options, .. inline]);
        shape.AddPackage();
        var traced = shape.Test(["--collect", "FlakyTrace", .. options, .. inline]);

        Assert.Equal(untraced.Process.ExitCode, traced.Process.ExitCode);
        Assert.Equal(
            untraced.TrxResults.Select(r => (r.TestName, r.Outcome)).Order(),
            traced.TrxResults.Select(r => (r.TestName, r.Outcome)).Order());
        // Nothing from the package's targets but the line that a .NET Framework leg is not traced.
        Assert.All(Lines(traced).Where(l => l.Contains("FlakyCollector.targets", StringComparison.Ordinal)), l => Assert.Contains(NotTracedCode, l, StringComparison.Ordinal));
        Assert.DoesNotContain("FlakyTrace warning", traced.Process.Output, StringComparison.Ordinal);
        Assert.Contains(traced.TraceFiles.Single(), traced.Process.Output, StringComparison.Ordinal);
        TrxAgreement.AssertEveryTestTraced(traced);
        return traced;
    }

    private static bool Holds(string assemblyPath, string typeName) =>
        File.ReadAllBytes(assemblyPath).AsSpan().IndexOf(Encoding.UTF8.GetBytes(typeName)) >= 0;

    private static IEnumerable<string> Lines(SampleRun run) => run.Process.Output.Split('\n').Select(l => l.TrimEnd('\r'));

    private static bool IsVstestSettingsError(string line) => line.Contains("Settings file provided", StringComparison.Ordinal);
}
