using System.Text.Json;
using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// <c>flakytrace gate</c> on real traced runs of the FlakySample suite (<see cref="GateStory"/>):
/// known flaky failures pass the gate with their cause, a stable test that breaks fails it and is
/// named first, a flaky test that stopped failing shows as maybe fixed, and two agents' histories
/// merge into the history of all their runs.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class GateTests(PackageFeed feed)
{
    private const string Payments = "FlakySample.Checkout.Charges_TheCard";
    private const string Render = "FlakySample.Reports.Renders_WithinTheBudget";
    private const string Stock = "FlakySample.Inventory.Counts_Stock";

    [Fact]
    public void OnlyKnownFlakyTestsFail_ExitsZeroNamingThemWithTheirCause()
    {
        var story = GateStory.Get(feed);

        var gate = Gate(story, 11);
        var console = FlakyTraceTool.Run(story.Sample.Root, "gate", "--history", story.HistoryBefore[11], story.Runs[11].ResultsDirectory);

        Assert.Equal(0, gate.ExitCode);
        var failures = Failures(gate);
        Assert.Equal([Payments, Render], failures.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(failures, f => Assert.Equal("known", f.GetProperty("class").GetString()));
        var payments = failures.Single(f => f.GetProperty("name").GetString() == Payments);
        Assert.Equal("external", payments.GetProperty("cause").GetString());
        Assert.True(payments.GetProperty("evidence").GetProperty("failingStatusCodes").GetProperty("503").GetInt32() > 0);
        Assert.All(failures, f => Assert.NotEqual(JsonValueKind.Null, f.GetProperty("cause").ValueKind));
        Assert.Equal(0, console.ExitCode);
        Assert.Contains("KNOWN FLAKY (2)", console.Output, StringComparison.Ordinal);
        Assert.Contains("external: HTTP POST", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void StableTestFails_ExitsOneAndNamesItFirst()
    {
        var story = GateStory.Get(feed);

        var gate = Gate(story, 12);
        var markdown = FlakyTraceTool.Run(story.Sample.Root, "gate", "--history", story.HistoryBefore[12], story.Runs[12].ResultsDirectory, "--format", "markdown");

        Assert.Equal(1, gate.ExitCode);
        var failures = Failures(gate);
        Assert.Equal(Stock, failures[0].GetProperty("name").GetString());
        Assert.Equal("new", failures[0].GetProperty("class").GetString());
        Assert.Contains("expected 3 items in stock, counted 2", failures[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("known", failures.Single(f => f.GetProperty("name").GetString() == Payments).GetProperty("class").GetString());
        Assert.Equal(1, markdown.ExitCode);
        var text = markdown.Output;
        Assert.Contains("flakytrace gate: 1 new failure, 1 known flaky", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(Stock, StringComparison.Ordinal) < text.IndexOf(Payments, StringComparison.Ordinal), text);
    }

    [Fact]
    public void FlakyTestStoppedFailing_ShowsAsMaybeFixed()
    {
        var story = GateStory.Get(feed);

        var gate = Gate(story, 13, "--fixed-after", "2");

        Assert.Equal(0, gate.ExitCode);
        using var document = JsonDocument.Parse(gate.Output);
        var fixedTests = document.RootElement.GetProperty("maybeFixed").EnumerateArray().ToList();
        var render = Assert.Single(fixedTests);
        Assert.Equal(Render, render.GetProperty("name").GetString());
        Assert.Equal(2, render.GetProperty("passedRuns").GetInt32());
        Assert.Empty(document.RootElement.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void TwoAgentsHistories_MergeIntoTheHistoryOfAllTheirRuns()
    {
        var story = GateStory.Get(feed);
        var merged = Path.Combine(story.Sample.Root, "merged.jsonl");
        File.Copy(story.AgentA, merged, overwrite: true);

        var merge = FlakyTraceTool.Run(story.Sample.Root, "history", "merge", merged, story.AgentB);

        Assert.Equal(0, merge.ExitCode);
        Assert.Contains("merged 2 new runs, 6 already held", merge.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(story.HistoryBefore[11]), File.ReadAllText(merged));
    }

    [Fact]
    public void QuarantineFile_TagsTheListedTestsSpansWhenRunSettingsNameIt()
    {
        var story = GateStory.Get(feed);
        var quarantine = Path.Combine(story.Sample.Root, "quarantine.json");
        var written = FlakyTraceTool.Run(story.Sample.Root, "quarantine", "--history", story.HistoryBefore[11], "-o", quarantine);
        var settings = Path.Combine(story.Sample.Root, "quarantine.runsettings");
        File.WriteAllText(settings, $"""
            <RunSettings><DataCollectionRunSettings><DataCollectors><DataCollector friendlyName="FlakyTrace"><Configuration>
            <Quarantine>{quarantine}</Quarantine>
            </Configuration></DataCollector></DataCollectors></DataCollectionRunSettings></RunSettings>
            """);

        var run = story.Run("fail", "fast", false, "--settings", settings);

        Assert.Equal(0, written.ExitCode);
        Assert.Contains($"\"name\": \"{Payments}\"", File.ReadAllText(quarantine), StringComparison.Ordinal);
        var spans = run.TestSpans.ToDictionary(s => s.Attribute("test.case.name")!);
        Assert.Equal(true, spans[Payments].Attributes["flakytrace.quarantined"]);
        Assert.Equal(true, spans[Render].Attributes["flakytrace.quarantined"]);
        Assert.False(spans[Stock].Attributes.ContainsKey("flakytrace.quarantined"));
        Assert.DoesNotContain("FlakyTrace warning", run.Process.Output, StringComparison.Ordinal);
    }

    /// <summary>The gate's JSON answer for a run of the story (written with -o: standard error carries notes), and its exit code.</summary>
    private static (int ExitCode, string Output) Gate(GateStory story, int run, params string[] extra)
    {
        var answer = Path.Combine(story.Sample.Root, $"gate-{run}-{Guid.NewGuid():N}.json");
        var gate = FlakyTraceTool.Run(story.Sample.Root, ["gate", "--history", story.HistoryBefore[run], story.Runs[run].ResultsDirectory, "--format", "json", "-o", answer, .. extra]);
        return (gate.ExitCode, File.Exists(answer) ? File.ReadAllText(answer) : gate.Output);
    }

    private static List<JsonElement> Failures((int ExitCode, string Output) gate)
    {
        using var document = JsonDocument.Parse(gate.Output);
        return [.. document.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.Clone())];
    }
}
