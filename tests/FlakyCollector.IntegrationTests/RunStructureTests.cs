using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>Runs of several projects, the run's own trace, sampling, and runs where the package's .targets do not run.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class RunStructureTests(PackageFeed feed)
{
    [Fact]
    public void TwoTestProjectsOfOneInvocation_ShareTheRunId_AndWriteTwoFiles()
    {
        using var xunit = SampleProject.Create("XunitSample", feed);
        using var nunit = SampleProject.CreateIn(xunit.Root, "NUnitSample", feed);
        Assert.Equal(0, DotnetCommand.Run(xunit.Root, ["new", "sln", "-n", "Both", "--format", "sln"]).ExitCode);
        Assert.Equal(0, DotnetCommand.Run(xunit.Root, ["sln", "Both.sln", "add", "XunitSample/XunitSample.csproj", "NUnitSample/NUnitSample.csproj"]).ExitCode);
        var results = Path.Combine(xunit.Root, "TestResults");

        var process = DotnetCommand.Run(xunit.Root, ["test", "Both.sln", "--collect", "FlakyTrace", "--results-directory", results]);
        var run = new SampleRun(process, results);

        Assert.Equal(2, run.TraceFiles.Count);
        Assert.Equal(["NUnitSample", "XunitSample"], run.TestSpans.Select(s => (string)s.Resource["service.name"]!).Distinct().Order());
        Assert.Equal(35, run.TestSpans.Count);
        Assert.Single(run.Spans.Select(s => s.Attribute("test.run.id")).Where(id => id is not null).Distinct());
        Assert.All(run.TraceFiles, f => Assert.Contains(f, process.Output, StringComparison.Ordinal));
    }

    [Fact]
    public void TheRunTrace_HoldsAssemblyAndClassSpans_LinkedFromEveryTest()
    {
        var run = TracedSample.Get("XunitSample", feed).Run;

        var suites = run.Spans.Where(s => s.Attributes.ContainsKey("test.suite.run.status")).ToList();
        var assembly = Assert.Single(suites, s => s.ParentSpanId is null);
        Assert.Equal("test assembly XunitSample", assembly.Name);
        Assert.All(suites, s => Assert.Equal(assembly.TraceId, s.TraceId));
        Assert.Equal("failure", suites.Single(s => s.Attribute("test.suite.name") == "XunitSample.Calculations").Attribute("test.suite.run.status"));
        Assert.Equal("success", suites.Single(s => s.Attribute("test.suite.name") == "XunitSample.ParallelA").Attribute("test.suite.run.status"));
        Assert.All(run.TestSpans, t => Assert.NotEqual(assembly.TraceId, t.TraceId));
    }

    [Fact]
    public void SamplingOff_KeepsOnlyTheFailingTests()
    {
        using var sample = SampleProject.Create("XunitSample", feed);

        var run = sample.Test(["--collect", "FlakyTrace"], new Dictionary<string, string?> { ["OTEL_TRACES_SAMPLER"] = "always_off" });

        Assert.Equal(17, run.TrxResults.Count);
        Assert.Equal(5, run.TestSpans.Count);
        Assert.All(run.TestSpans, s => Assert.Equal("fail", s.Attribute("test.case.result.status")));
        Assert.DoesNotContain(run.Spans, s => s.Scope == "System.Net.Http" && run.TestSpans.All(t => t.TraceId != s.TraceId) && s.ParentSpanId is not null);
        Assert.Contains("12 passing tests left out", run.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ARetriedTest_GetsATracePerAttempt()
    {
        using var sample = SampleProject.Create("MSTestRetrySample", feed);

        var run = sample.Test(["--collect", "FlakyTrace"]);

        Assert.Equal(0, run.Process.ExitCode);
        var attempts = run.TestSpans.Where(s => s.Attribute("code.function.name") == "Settles_OnTheThirdAttempt")
            .OrderBy(s => (long)s.Attributes["test.case.attempt"]!).ToList();
        Assert.Equal([1L, 2L, 3L], attempts.Select(s => (long)s.Attributes["test.case.attempt"]!));
        Assert.Equal(["fail", "fail", "pass"], attempts.Select(s => s.Attribute("test.case.result.status")));
        Assert.Equal(3, attempts.Select(s => s.TraceId).Distinct().Count());
        Assert.True(attempts[0].EndUnixNano <= attempts[1].StartUnixNano && attempts[1].EndUnixNano <= attempts[2].StartUnixNano);
        Assert.Equal(1L, run.TestSpans.Single(s => s.Attribute("code.function.name") == "Refunds").Attributes["test.case.attempt"]);
    }

    [Fact]
    public void ACrashingTestProcess_IsReported_AndTheFinishedTestsAreKept()
    {
        using var sample = SampleProject.Create("XunitSample", feed);

        var run = sample.Test(["--collect", "FlakyTrace"], new Dictionary<string, string?> { ["SAMPLE_CRASH"] = "1" });

        Assert.NotEqual(0, run.Process.ExitCode);
        Assert.Contains("FlakyTrace warning: the test run was aborted", run.Process.Output, StringComparison.Ordinal);
        // The finished tests as the TRX has them, plus the crashing test, which has no result but a span that says so.
        var crashed = run.TestSpans.Where(s => s.StatusMessage?.StartsWith("the test process crashed:", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(crashed, s => s.Name == "XunitSample.Crash.Crashes_When_Asked");
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count - crashed.Count);
    }

    [Fact]
    public void WithoutTheTargets_TheOutOfProcessCollectorTracesCoarsely_AndSaysSo()
    {
        using var sample = SampleProject.Create("XunitSample", feed);
        Assert.Equal(0, DotnetCommand.Run(sample.Directory, ["build"]).ExitCode);
        var dll = Directory.GetFiles(Path.Combine(sample.Directory, "bin"), "XunitSample.dll", SearchOption.AllDirectories).Single();

        // `dotnet test some.dll` runs vstest.console directly: MSBuild and the package's .targets are not involved.
        var results = Path.Combine(sample.Directory, "DllResults");
        var process = DotnetCommand.Run(sample.Directory, ["test", dll, "--collect", "FlakyTrace", "--results-directory", results]);
        var run = new SampleRun(process, results);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("without the FlakyCollector package's build integration", process.Output, StringComparison.Ordinal);
        Assert.Equal(17, run.TestSpans.Count);
        Assert.Equal(5, run.TestSpans.Count(s => s.StatusCode == 2));
    }
}
