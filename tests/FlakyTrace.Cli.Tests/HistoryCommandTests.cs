using System.Text.Json;

namespace FlakyTrace.Cli.Tests;

/// <summary><c>history add</c> and <c>history merge</c> on the generated sample suite's 30 runs (one folder per run).</summary>
public sealed class HistoryCommandTests(SampleRunsFixture samples) : IClassFixture<SampleRunsFixture>
{
    [Fact]
    public void Add_RunByRun_HoldsEveryRunOnce()
    {
        var history = Path.Combine(samples.Root, "add-run-by-run.jsonl");

        foreach (var run in Runs(1, 30))
        {
            Assert.Equal(0, CommandLineRun.Of("history", "add", history, run).ExitCode);
        }

        var again = CommandLineRun.Of("history", "add", history, Run(7), Run(8));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("added 0 runs; 2 already in it, not counted again", again.Output, StringComparison.Ordinal);
        Assert.Contains(": 30 runs (30 in detail), 22 tests", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_RunByRunInOrder_EqualsAddingAllAtOnce()
    {
        var byRun = Path.Combine(samples.Root, "by-run.jsonl");
        var atOnce = Path.Combine(samples.Root, "at-once.jsonl");

        foreach (var run in Runs(1, 30))
        {
            CommandLineRun.Of("history", "add", byRun, run);
        }

        CommandLineRun.Of("history", "add", atOnce, samples.Flaky);
        Assert.Equal(File.ReadAllText(atOnce), File.ReadAllText(byRun));
    }

    [Fact]
    public void Add_RunsOutOfOrder_AgreesOnOutcomes()
    {
        // Passing executions are kept whole only once a test has failed, so out of order fewer may be kept; nothing else differs.
        var reversed = Path.Combine(samples.Root, "reversed.jsonl");
        var atOnce = Path.Combine(samples.Root, "reversed-at-once.jsonl");

        foreach (var run in Runs(1, 30).Reverse())
        {
            CommandLineRun.Of("history", "add", reversed, run);
        }

        CommandLineRun.Of("history", "add", atOnce, samples.Flaky);
        Assert.Equal(Outcomes(atOnce), Outcomes(reversed));
    }

    [Fact]
    public void Merge_TwoAgentsFromOneBase_EqualsTheHistoryOfAllRuns()
    {
        // The CI shape: both agents restore the same history, each adds its own runs, then they merge.
        var all = Path.Combine(samples.Root, "merge-all.jsonl");
        var a = Path.Combine(samples.Root, "merge-a.jsonl");
        var b = Path.Combine(samples.Root, "merge-b.jsonl");
        CommandLineRun.Of("history", "add", all, samples.Flaky);
        CommandLineRun.Of(["history", "add", a, .. Runs(1, 20)]);
        File.Copy(a, b);
        CommandLineRun.Of(["history", "add", a, .. Runs(21, 25)]);
        CommandLineRun.Of(["history", "add", b, .. Runs(26, 30)]);

        var merged = CommandLineRun.Of("history", "merge", a, b);

        Assert.Equal(0, merged.ExitCode);
        Assert.Contains("merged 5 new runs, 20 already held", merged.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(all), File.ReadAllText(a));
    }

    [Fact]
    public void Merge_InterleavedRuns_CountsEveryRunOnceAndAgreesOnOutcomes()
    {
        var all = Path.Combine(samples.Root, "interleaved-all.jsonl");
        var odd = Path.Combine(samples.Root, "interleaved-odd.jsonl");
        var even = Path.Combine(samples.Root, "interleaved-even.jsonl");
        CommandLineRun.Of("history", "add", all, samples.Flaky);
        CommandLineRun.Of(["history", "add", odd, .. Runs(1, 30).Where((_, i) => i % 2 == 0)]);
        CommandLineRun.Of(["history", "add", even, .. Runs(1, 30).Where((_, i) => i % 2 == 1)]);
        CommandLineRun.Of("history", "merge", even, odd);
        CommandLineRun.Of("history", "merge", even, odd);

        Assert.Equal(Outcomes(all), Outcomes(even));
    }

    [Fact]
    public void Analyze_History_FindsTheSameFlakyTestsAsTheTraces()
    {
        var history = Path.Combine(samples.Root, "analyze.jsonl");
        CommandLineRun.Of("history", "add", history, samples.Flaky);

        var fromTraces = Flaky(CommandLineRun.Of("analyze", samples.Flaky, "--format", "json").Output);
        var fromHistory = Flaky(CommandLineRun.Of("analyze", history, "--format", "json").Output);

        Assert.Equal(fromTraces, fromHistory);
    }

    [Fact]
    public void Add_NotAHistory_SaysSoAndExitsTwo()
    {
        var notHistory = Path.Combine(samples.Root, "not-a-history.jsonl");
        File.WriteAllText(notHistory, "{\"resourceSpans\":[]}\n");

        var run = CommandLineRun.Of("history", "add", notHistory, Run(1));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a flakytrace history", run.Error, StringComparison.Ordinal);
    }

    internal static IEnumerable<string> Outcomes(string history) =>
        File.ReadLines(history).Select(line =>
        {
            // Everything but the kept whole executions and the causes found in them.
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.TryGetProperty("test", out _)
                ? string.Join('|', root.GetProperty("test").GetString(), root.TryGetProperty("groups", out var g) ? g.GetRawText() : "", root.TryGetProperty("verdict", out var v) ? v.GetProperty("flakyGroups").GetRawText() : "")
                : line;
        }).ToList();

    private static List<string> Flaky(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("flaky").GetBoolean()).Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }

    private IEnumerable<string> Runs(int first, int last) => Enumerable.Range(first, last - first + 1).Select(Run);

    private string Run(int number) => Path.Combine(samples.Flaky, $"run-{number:000}");
}
