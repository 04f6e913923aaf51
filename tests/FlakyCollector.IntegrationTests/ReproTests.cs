using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Repro;
using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// <c>flakytrace repro</c> on sample suites that fail at random for known reasons: traced runs
/// until the analysis names the known cause, then the experiment with the real <c>dotnet test</c>.
/// With the condition the test must fail every time, with the traced failure; the verdict must be
/// what the rule says of the counts (the runs without the condition fail at random, so the
/// verdict itself is not fixed here; its rule is unit-tested). An order within one class, whose
/// tests the runner orders, is taken in turns, so its counts and its runs again are fixed.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ReproTests(PackageFeed feed)
{
    private const int Runs = 4;

    [Fact]
    public void Repro_External503_FailsEveryRunWithTheTracedFailure()
    {
        using var sample = SampleProject.Create("FlakySample", feed);
        var settings = Settings(sample, "FlakySample.*");
        var traces = TraceUntil(sample, settings, "FlakySample.Checkout.Charges_TheCard", CauseKind.External);

        var (process, results) = ReproTool.Repro(sample.Root, ["--from", traces, "--test", "Checkout.Charges_TheCard", "--runs", $"{Runs}"], [sample.Directory, "--settings", settings]);

        Assert.True(process.ExitCode == 0, process.Output);
        var result = Assert.Single(results);
        AssertReproduced(result, "external");
        Assert.Contains("--filter FullyQualifiedName=FlakySample.Checkout.Charges_TheCard", result.Repro, StringComparison.Ordinal);
        Assert.Contains("<Repro>", File.ReadAllText(ReproSettings(result)), StringComparison.Ordinal);
        Assert.Contains("action=fail-with-status", File.ReadAllText(ReproSettings(result)), StringComparison.Ordinal);

        // A stable test put to a made-up cause: the span never runs in it, so it cannot be the cause.
        var (_, madeUp) = ReproTool.Repro(sample.Root, ["--from", traces, "--test", "Checkout.Computes_TheTotal", "--cause", "timing=RenderReport:300ms", "--runs", "1"], [sample.Directory, "--settings", settings]);
        var stable = Assert.Single(madeUp);
        Assert.Equal(ReproVerdict.NotConfirmed, stable.Verdict);
        Assert.Equal(new ReproCounts(1, 0), stable.With);
        Assert.Equal(new ReproCounts(1, 0), stable.Without);

        // A made-up cause that does take effect: a test of another class really runs first, in the same process (the test under repro
        // waits for it; within one class xUnit runs one test at a time, so the predecessor is taken from another), and the stable test still passes.
        var (_, ranAfter) = ReproTool.Repro(sample.Root, ["--from", traces, "--test", "Checkout.Computes_TheTotal", "--cause", "order=FlakySample.Reports.Formats_TheTitle", "--runs", "1"], [sample.Directory, "--settings", settings]);
        var unmoved = Assert.Single(ranAfter);
        Assert.Equal(ReproVerdict.NotConfirmed, unmoved.Verdict);
        Assert.Equal(new ReproCounts(1, 0), unmoved.With);
        Assert.Contains("makes no difference", unmoved.Reason, StringComparison.Ordinal);

        // The results go back into the analysis.
        var file = Path.Combine(sample.Root, "repro.json");
        using (var stream = File.Create(file))
        {
            ReproJson.Write(results, stream);
        }

        var analyzed = ReproTool.Run(sample.Root, "analyze", traces, "--repro", file);
        // Whatever the verdict (the runs without fail at random; a baseline far above the traced rate is inconclusive),
        // the analysis shows repro's line for the test: its verdict and counts.
        var line = FlakyCollector.Analysis.Rendering.ReproText.Line(result);
        Assert.Contains(line[..Math.Min(line.Length, 60)], analyzed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Repro_Race_HoldsTheLateWorkAndFailsEveryRun()
    {
        using var sample = SampleProject.Create("RaceSample", feed);
        var settings = Settings(sample, "RaceSample.*");
        // Under heavy load the passing runs' fixed wait stretches too, and the analysis may take
        // many runs to separate them; the race is given, the failure to compare with is traced.
        var traces = TraceUntil(sample, settings, "RaceSample.Orders.Sends_Confirmation", cause: null);

        var (process, results) = ReproTool.Repro(sample.Root, ["--from", traces, "--test", "Sends_Confirmation", "--cause", "race=SendConfirmation", "--runs", $"{Runs}"], [sample.Directory, "--settings", settings]);

        Assert.True(process.ExitCode == 0, process.Output);
        AssertReproduced(Assert.Single(results), "race");
    }

    [Fact]
    public void Repro_OnMSTestSdkUnderThePlatform_FailsTheNamedCallOfTheTestUnderRepro()
    {
        using var sample = SampleProject.Create("MSTestMtp", feed);
        sample.TestOnPlatform(["--flaky-trace"]);
        var traces = Path.Combine(sample.Directory, "TestResults");

        var (process, results) = ReproTool.Repro(sample.Root, ["--from", traces, "--test", "HttpCalls.Calls_Loopback_Service", "--cause", "external=HTTP GET 127.0.0.1/:503", "--runs", "3"], [sample.Directory]);

        Assert.True(process.ExitCode == 0, process.Output);
        var result = Assert.Single(results);
        Assert.Equal(new ReproCounts(3, 3), result.With);
        Assert.Equal(new ReproCounts(3, 0), result.Without);
        Assert.StartsWith("dotnet test --flaky-trace", result.Repro, StringComparison.Ordinal);
        Assert.Contains("action=fail-with-status", File.ReadAllText(ReproSettings(result, "--flaky-trace-settings")), StringComparison.Ordinal);
        // The test never failed in the traces: its failures under the condition cannot be the traced one.
        Assert.False(result.SameFailure);
        Assert.Equal(ReproVerdictRule.Decide(result.With, result.Without, false, ReproEffect.TookEffect, null, result.TracedFailureRate).Verdict, result.Verdict);
    }

    [Fact]
    public void Repro_OrderWithinOneClass_RunsAgainWhenTheTestWentFirstAndNeverHoldsTheClass()
    {
        // Pricing's two tests take turns at going first (TakeTurns): Prices_Kettle passes in the first traced run, where it goes first,
        // and fails in the second, after Applies_Holiday_Discount left its discount on.
        using var sample = SampleProject.Create("ClassOrderSample", feed);
        var settings = Settings(sample, "ClassOrderSample.*");
        Assert.Equal("Passed", Kettle(sample.Test(["--settings", settings])).Outcome);
        Assert.Equal("Failed", Kettle(sample.Test(["--settings", settings])).Outcome);
        var traces = Path.Combine(sample.Directory, "TestResults");
        var kept = Path.Combine(sample.Root, "repro-runs");

        var (process, results) = ReproTool.Repro(sample.Root,
            ["--from", traces, "--test", "Pricing.Prices_Kettle", "--cause", "order=ClassOrderSample.Pricing.Applies_Holiday_Discount", "--runs", "3", "--results-directory", kept],
            [sample.Directory, "--settings", settings]);

        Assert.True(process.ExitCode == 0, process.Output);
        var result = Assert.Single(results);
        // The runs' own account (which ran first, each run's outcome) when the counts are not the designed ones.
        Assert.True(result.With == new ReproCounts(3, 3), $"with the condition {result.With}: {result.Reason}\n{process.Output}");
        Assert.Equal(new ReproCounts(3, 0), result.Without);
        Assert.True(result.SameFailure, result.Reason);
        Assert.Equal(ReproVerdictRule.Decide(result.With, result.Without, result.SameFailure, ReproEffect.TookEffect, null, result.TracedFailureRate).Verdict, result.Verdict);

        // Each run with the condition went first in its turn: Prices_Kettle ran before its predecessor, and that run was run again.
        Assert.Contains("(3 runs with the condition repeated: the runner had run the test before its predecessor)", result.Reason, StringComparison.Ordinal);
        var wentFirst = Directory.EnumerateDirectories(kept, "with-*", SearchOption.AllDirectories).Where(d => !Path.GetFileName(d).Contains("-again-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, wentFirst.Count);
        foreach (var run in wentFirst)
        {
            // It passed: no discount was on yet, so its predecessor, queued behind it in the class, had not run. Waiting for it would have held the class for the 30 s bound.
            var kettle = Assert.Single(TraceInputReader.Read([run], new TraceReadOptions()).Executions, e => e.Name == "ClassOrderSample.Pricing.Prices_Kettle");
            Assert.Equal(TestOutcome.Passed, kettle.Outcome);
            Assert.True(TimeSpan.FromTicks(kettle.DurationNanos / 100) < TimeSpan.FromSeconds(15), $"{run}: Prices_Kettle took {kettle.DurationNanos / 1_000_000} ms");
            // The collector said so in the test's trace, and said the other order in the run repeated after it.
            Assert.Contains(ReproNames.BeforePredecessorSpan, Traced(run), StringComparison.Ordinal);
            var again = Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(run)!, Path.GetFileName(run) + "-again-*"));
            Assert.Contains(ReproNames.AfterPredecessorSpan, Traced(again), StringComparison.Ordinal);
        }
    }

    private static void AssertReproduced(ReproResult result, string kind)
    {
        Assert.StartsWith(kind + ":", result.Cause, StringComparison.Ordinal);
        Assert.Equal(new ReproCounts(Runs, Runs), result.With);
        Assert.Equal(Runs, result.Without.Runs);
        Assert.True(result.SameFailure, result.Reason);
        Assert.Equal(ReproVerdictRule.Decide(result.With, result.Without, result.SameFailure, ReproEffect.TookEffect, null, result.TracedFailureRate).Verdict, result.Verdict);
    }

    private static string Traced(string run) =>
        string.Concat(Directory.EnumerateFiles(run, "*.otlp.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText));

    private static TrxResult Kettle(SampleRun run) => Assert.Single(run.TrxResults, r => r.TestName.EndsWith("Prices_Kettle", StringComparison.Ordinal));

    private static string ReproSettings(ReproResult result, string option = "--settings")
    {
        var words = result.Repro.Split(' ');
        return words[Array.IndexOf(words, option) + 1];
    }

    private static string Settings(SampleProject sample, string sources)
    {
        var settings = Path.Combine(sample.Root, "traced.runsettings");
        File.WriteAllText(settings, $"""
            <RunSettings><DataCollectionRunSettings><DataCollectors>
              <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>{sources}</ActivitySources></Configuration></DataCollector>
            </DataCollectors></DataCollectionRunSettings></RunSettings>
            """);
        return settings;
    }

    // The sample fails at random: run it traced until the test is flaky and the analysis names the cause, if one is asked (at most 20 runs).
    private static string TraceUntil(SampleProject sample, string settings, string test, CauseKind? cause)
    {
        var traces = Path.Combine(sample.Directory, "TestResults");
        for (var run = 1; run <= 20; run++)
        {
            sample.Test(["--settings", settings]);
            if (run >= 4)
            {
                var report = FlakinessAnalyzer.Analyze(TraceInputReader.Read([traces], new TraceReadOptions()));
                if (report.Tests.FirstOrDefault(t => t.Name == test) is { Flaky: true } summary && (cause is null || summary.Causes[0].Kind == cause))
                {
                    return traces;
                }
            }
        }

        throw new InvalidOperationException($"the analysis did not name {cause} for {test} in 20 traced runs");
    }
}
