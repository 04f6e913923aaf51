using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// Microsoft.Testing.Platform never ends a session it cancels (its <c>--timeout</c>, Ctrl+C), and
/// SIGTERM ends a .NET process without its exit event: the run must still end, with the test that
/// was stuck in a span of its own. tests/samples/HangingXunitV3Mtp has three quick tests and one
/// that waits for an answer that never comes.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class StoppedSessionTests(PackageFeed feed)
{
    [Fact]
    public void SessionOutOfTime_TheStuckTestHasAFailedSpanWithItsCall_AndTheRunSaysAborted()
    {
        using var sample = SampleProject.Create("HangingXunitV3Mtp", feed);

        // Long enough for the quick tests on a loaded machine; the stuck test waits five minutes.
        var run = sample.TestOnPlatform(["--flaky-trace", "--timeout", "20s"]);

        Assert.NotEqual(0, run.Process.ExitCode);
        Assert.Equal(["pass", "pass", "pass"], run.TestSpans.Where(s => s.Attribute("code.function.name") == "Adds").Select(s => s.Attribute("test.case.result.status")));
        var stuck = Assert.Single(run.TestSpans, s => s.Attribute("code.function.name") == "Waits_For_An_Answer_That_Never_Comes");
        Assert.Equal("fail", stuck.Attribute("test.case.result.status"));
        Assert.Equal("test_session_stopped", stuck.Attribute("error.type"));
        Assert.Contains("the test session stopped before its end", stuck.StatusMessage, StringComparison.Ordinal);
        Assert.True(stuck.EndUnixNano - stuck.StartUnixNano >= 500_000_000, "the stuck test's span ends when the session stopped, not when it started");
        var call = Assert.Single(run.Spans, s => s.Attribute("url.full") == "http://127.0.0.1:9/orders/stuck");
        Assert.Equal(stuck.TraceId, call.TraceId);
        var assembly = Assert.Single(run.Spans, s => s.Name == "test assembly HangingXunitV3Mtp");
        Assert.Equal("aborted", assembly.Attribute("test.suite.run.status"));
        var warnings = Directory.GetFiles(Path.Combine(run.ResultsDirectory, "flakytrace"), "warnings_*.txt");
        Assert.Contains("the test run was aborted (the test session was cancelled, ran out of time", File.ReadAllText(Assert.Single(warnings)), StringComparison.Ordinal);
    }
}
