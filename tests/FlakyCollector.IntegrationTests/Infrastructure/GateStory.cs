using System.Collections.Concurrent;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// One story of the FlakySample suite, traced with the real <c>dotnet test --collect FlakyTrace</c>
/// and kept with the real <c>flakytrace</c>, as a CI job would: ten runs in which the payments test
/// fails in odd runs (its dependency answers 503) and the render test in even ones (over budget),
/// each added to the history after it ran. Then three runs under the gate: only the flaky tests
/// fail (11); a stable test breaks (12); everything passes (13). Two agents' histories split after
/// run 6 (A adds 7 and 8, B adds 9 and 10) are kept for the merge.
/// </summary>
public sealed class GateStory
{
    public const int HistoryRuns = 10;
    private static readonly ConcurrentDictionary<string, Lazy<GateStory>> Stories = new();

    private GateStory(SampleProject sample) => Sample = sample;

    public SampleProject Sample { get; }

    public string History => System.IO.Path.Combine(Sample.Root, "history.jsonl");

    public string AgentA => System.IO.Path.Combine(Sample.Root, "agent-a.jsonl");

    public string AgentB => System.IO.Path.Combine(Sample.Root, "agent-b.jsonl");

    /// <summary>The history as it was before each gated run: copies, so each test reads the one its run was gated against.</summary>
    public Dictionary<int, string> HistoryBefore { get; } = [];

    public Dictionary<int, SampleRun> Runs { get; } = [];

    public static GateStory Get(PackageFeed feed) =>
        Stories.GetOrAdd("FlakySample", _ => new Lazy<GateStory>(() => Tell(feed))).Value;

    /// <summary>Runs the sample suite once more with the given switches.</summary>
    public SampleRun Run(string? payments, string? render, bool breakStock = false, params string[] extra) =>
        Sample.Test(["--collect", "FlakyTrace", "--no-build", .. extra], new Dictionary<string, string?>
        {
            ["FLAKYSAMPLE_PAYMENTS"] = payments,
            ["FLAKYSAMPLE_RENDER"] = render,
            ["FLAKYSAMPLE_BREAK"] = breakStock ? "stock" : null,
        });

    private static GateStory Tell(PackageFeed feed)
    {
        var story = new GateStory(SampleProject.Create("FlakySample", feed));
        var build = DotnetCommand.Run(story.Sample.Directory, ["build"]);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of FlakySample failed:\n{build.Output}");
        }

        for (var i = 1; i <= HistoryRuns; i++)
        {
            var run = story.Run(i % 2 == 1 ? "fail" : "pass", i % 2 == 0 ? "slow" : "fast");
            story.Runs[i] = run;
            story.Add(story.History, run);
            if (i == 6)
            {
                File.Copy(story.History, story.AgentA);
                File.Copy(story.History, story.AgentB);
            }
            else if (i > 6)
            {
                story.Add(i <= 8 ? story.AgentA : story.AgentB, run);
            }
        }

        story.Gated(11, story.Run("fail", "slow"));
        story.Gated(12, story.Run("fail", "fast", breakStock: true));
        story.Gated(13, story.Run("pass", "fast"));
        return story;
    }

    private void Gated(int number, SampleRun run)
    {
        var copy = System.IO.Path.Combine(Sample.Root, $"history-before-{number}.jsonl");
        File.Copy(History, copy);
        HistoryBefore[number] = copy;
        Runs[number] = run;
        Add(History, run);
    }

    private void Add(string history, SampleRun run)
    {
        var added = FlakyTraceTool.Run(Sample.Root, "history", "add", history, run.ResultsDirectory);
        if (added.ExitCode != 0)
        {
            throw new InvalidOperationException($"flakytrace history add exited {added.ExitCode}:\n{added.Output}");
        }
    }
}
