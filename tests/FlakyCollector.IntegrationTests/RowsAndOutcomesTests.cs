using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// Tests that vstest reports in unusual shapes (tests/samples/Rows*): data rows that share one
/// test case, rows told apart only by generic arguments or a display name, outcomes beyond pass
/// and fail, and tests that end the test process. Each span must agree with the TRX of the same
/// run, and a test without a result must still get a span that says why.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RowsAndOutcomesTests(PackageFeed feed)
{
    [Fact]
    public void MSTestRowsSharingOneTestCase_EachGetsItsOwnWindow_AndNamedRowsHaveDistinctNames()
    {
        using var sample = SampleProject.Create("RowsMSTest", feed);

        var run = sample.Test(["--collect", "FlakyTrace"]);

        // Each row's own duration, not the shared test case's: DurationAgreement holds each row
        // against its own TRX result and the sleep the row states (SampleWork).
        TrxAgreement.AssertEveryTestTraced(run);
        // Timed from inside each row, one after another, not from the shared test case's window.
        var rows = new[] { "Shared (slow)", "Shared (quick)", "Shared (slower)" }.Select(name => Span(run, name)).ToList();
        Assert.All(rows, row => Assert.Contains(row.Attribute("flakytrace.timing"), new[] { "hook", "framework" }));
        TrxAgreement.AssertDurationsAgree(run);
        Assert.True(rows[0].EndUnixNano <= rows[1].StartUnixNano && rows[1].EndUnixNano <= rows[2].StartUnixNano, $"the rows ran one after another: {string.Join("; ", rows.Select(r => $"{r.Name} {r.StartUnixNano}-{r.EndUnixNano} {r.Attribute("flakytrace.timing")}"))}");
        Assert.Equal("RowsMSTest.Rows.Named[first row]", Span(run, "first row").Attribute("test.case.name"));
        Assert.Equal("RowsMSTest.Rows.Named[second row]", Span(run, "second row").Attribute("test.case.name"));
        Assert.Equal("skipped", Span(run, "Inconclusive").Attribute("test.case.result.status"));
    }

    [Fact]
    public void XunitGenericRowsAndRowsItCannotSerialise_DistinctNames_AndNoEmptySpans()
    {
        using var sample = SampleProject.Create("RowsXunit", feed);

        var run = sample.Test(["--collect", "FlakyTrace"]);

        TrxAgreement.AssertEveryTestTraced(run);
        Assert.Equal(
            ["RowsXunit.Rows.NotNull<Double>(value: 1)", "RowsXunit.Rows.NotNull<Int32>(value: 1)", "RowsXunit.Rows.NotNull<Int64>(value: 1)"],
            run.TestSpans.Select(s => s.Attribute("test.case.name")!).Where(n => n.Contains("NotNull", StringComparison.Ordinal)).Order());
        Assert.All(run.TestSpans.Where(s => s.Name.Contains("Shared", StringComparison.Ordinal)), s => Assert.True(s.EndUnixNano > s.StartUnixNano, $"{s.Name} lasts 0 ns"));
        // Rows xUnit cannot serialise report one instant as their window, and their own duration: the span takes the duration.
        TrxAgreement.AssertDurationsAgree(run);
    }

    [Fact]
    public void NUnitExplicitAndInconclusive_HaveAResultStatus()
    {
        using var sample = SampleProject.Create("RowsNUnit", feed);

        var run = sample.Test(["--collect", "FlakyTrace"]);

        TrxAgreement.AssertEveryTestTraced(run);
        Assert.Equal("skipped", Span(run, "OnlyOnDemand").Attribute("test.case.result.status"));
        Assert.Equal("skipped", Span(run, "Undecided").Attribute("test.case.result.status"));
    }

    [Fact]
    public void TestThatCrashesTheTestProcess_GetsAFailedSpanNamingTheCrash()
    {
        using var sample = SampleProject.Create("RowsAbort", feed);

        var run = sample.Test(["--collect", "FlakyTrace", "--filter", "FullyQualifiedName~Crash"]);

        Assert.NotEqual(0, run.Process.ExitCode);
        var span = Span(run, "RowsAbort.Crash.B_CrashesTheProcess");
        Assert.Equal(2, span.StatusCode);
        Assert.StartsWith("the test process crashed:", span.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("fail", span.Attribute("test.case.result.status"));
        Assert.True(span.Duration >= TimeSpan.FromMilliseconds(150), $"the crashing test slept 200 ms first; its span lasts {span.Duration.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void TestThatHangsPastTheBlameHangTimeout_GetsAFailedSpanNamingTheTimeout()
    {
        using var sample = SampleProject.Create("RowsAbort", feed);

        // vstest's hang timeout counts inactivity from the test host's launch, not from a test's
        // start: on a loaded machine the host's start and the first tests took more than 5 s, and
        // the host was killed before B_NeverEnds began. The timeout must exceed the slowest start.
        var timeout = TimeSpan.FromSeconds(20);
        var run = sample.Test(["--collect", "FlakyTrace", "--filter", "FullyQualifiedName~Hang", "--blame-hang-timeout", $"{timeout.TotalSeconds}s"]);

        Assert.NotEqual(0, run.Process.ExitCode);
        var span = Span(run, "RowsAbort.Hang.B_NeverEnds");
        Assert.Equal(2, span.StatusCode);
        Assert.StartsWith("hang timeout:", span.StatusMessage, StringComparison.Ordinal);
        // The test's start was the host's last word, so the timeout counts from it: the span lasts at least the timeout.
        Assert.True(span.Duration >= timeout - TimeSpan.FromSeconds(1), $"the test hung for the {timeout.TotalSeconds} s timeout; its span lasts {span.Duration.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void OutOfProcessCollector_NamesTheAttachedFile_NotATemporaryPathThatIsGone()
    {
        using var sample = SampleProject.Create("RowsNUnit", feed);
        Assert.Equal(0, DotnetCommand.Run(sample.Directory, ["build"]).ExitCode);
        var dll = Directory.GetFiles(Path.Combine(sample.Directory, "bin"), "RowsNUnit.dll", SearchOption.AllDirectories).Single();

        // `dotnet test some.dll` runs vstest.console directly: the out-of-process collector writes the traces.
        var results = Path.Combine(sample.Directory, "DllResults");
        var run = new SampleRun(DotnetCommand.Run(sample.Directory, ["test", dll, "--collect", "FlakyTrace", "--results-directory", results]), results);

        var traceFile = Assert.Single(run.TraceFiles);
        Assert.Contains($"{Path.GetFileName(traceFile)}, attached to the run", run.Process.Output, StringComparison.Ordinal);
        Assert.Contains(traceFile, run.Process.Output, StringComparison.Ordinal);
        var printed = run.Process.Output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.EndsWith(".otlp.jsonl", StringComparison.Ordinal) && Path.IsPathRooted(w));
        Assert.All(printed, path => Assert.True(File.Exists(path), $"the output names {path}, which does not exist"));
    }

    private static FileSpan Span(SampleRun run, string name) =>
        run.TestSpans.SingleOrDefault(s => s.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"no span named {name}; spans: {string.Join(", ", run.TestSpans.Select(s => s.Name))}\n{run.Process.Output}");
}
