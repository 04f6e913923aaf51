using System.Text.Json;

namespace FlakyTrace.Cli.Tests;

/// <summary><c>gate</c> and <c>quarantine</c> on the generated sample suite: a history of 29 runs, the 30th under the gate.</summary>
public sealed class GateCommandTests : IClassFixture<SampleRunsFixture>
{
    private const string Stable = "Shop.Tests.CartTests.AddsItem";
    private readonly SampleRunsFixture _samples;
    private readonly string _history;

    public GateCommandTests(SampleRunsFixture samples)
    {
        _samples = samples;
        _history = Path.Combine(samples.Root, "gate-history.jsonl");
        if (!File.Exists(_history))
        {
            CommandLineRun.Of(["history", "add", _history, .. Enumerable.Range(1, 29).Select(Run)]);
        }
    }

    [Fact]
    public void Gate_OnlyKnownFlakyAndBrokenFail_ExitsZeroNamingTheCause()
    {
        var gate = CommandLineRun.Of("gate", "--history", _history, Run(30));

        Assert.Equal(0, gate.ExitCode);
        Assert.Contains("1 still broken, 4 known flaky", gate.Output, StringComparison.Ordinal);
        Assert.Contains("external: HTTP GET inventory-api/api/stock/{id}", gate.Output, StringComparison.Ordinal);
        Assert.Contains("timing: DB SELECT orders", gate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NEW FAILURES", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_StableTestFails_ExitsOneAndListsItFirst()
    {
        var run = BreakStableTest("broken-stable");

        var gate = CommandLineRun.Of("gate", "--history", _history, run, "--format", "json");

        Assert.Equal(1, gate.ExitCode);
        using var document = JsonDocument.Parse(gate.Output);
        var failures = document.RootElement.GetProperty("failures").EnumerateArray().ToList();
        Assert.Equal(Stable, failures[0].GetProperty("name").GetString());
        Assert.Equal("new", failures[0].GetProperty("class").GetString());
        Assert.Equal("never failed before on this branch", failures[0].GetProperty("reason").GetString());
        Assert.All(failures.Skip(1), f => Assert.NotEqual("new", f.GetProperty("class").GetString()));
        Assert.All(failures, f => Assert.True(f.TryGetProperty("cause", out _) && f.TryGetProperty("evidence", out _) && f.TryGetProperty("since", out _)));
    }

    [Fact]
    public void Gate_Markdown_ListsNewFailuresFirstThenKnownFlakyWithTheirCause()
    {
        var gate = CommandLineRun.Of("gate", "--history", _history, BreakStableTest("markdown"), "--format", "markdown");

        var text = gate.Output;
        Assert.StartsWith("## ❌ flakytrace gate: 1 new failure, 1 still broken, 4 known flaky", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("### New failures (1)", StringComparison.Ordinal) < text.IndexOf("### Known flaky (4)", StringComparison.Ordinal));
        Assert.Contains("- `Shop.Tests.StockTests.ReservesStock(sku: \"A-1\")`: external: HTTP GET inventory-api", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_Report_WritesTheHtmlReportAndTheMarkdownLinksIt()
    {
        var page = Path.Combine(_samples.Root, "gate-report.html");

        var gate = CommandLineRun.Of("gate", "--history", _history, Run(30), "--format", "markdown", "--report", page, "--report-link", "https://ci.example/artifacts/report.html");

        Assert.Equal(0, gate.ExitCode);
        Assert.True(new FileInfo(page).Length > 0);
        Assert.Contains("[HTML report](https://ci.example/artifacts/report.html)", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_Quarantine_MakesATestKnownWithoutHistory()
    {
        var quarantine = Path.Combine(_samples.Root, "quarantine-stable.json");
        File.WriteAllText(quarantine, $$"""{"quarantined":[{"name":"{{Stable}}","cause":"external","summary":"the cart service is down on Mondays"}]}""");

        var gate = CommandLineRun.Of("gate", "--history", _history, BreakStableTest("quarantined"), "--quarantine", quarantine);

        Assert.Equal(0, gate.ExitCode);
        Assert.Contains("external: the cart service is down on Mondays", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Quarantine_WritesTheKnownFlakyTestsWithCauseAndDates()
    {
        var file = Path.Combine(_samples.Root, "quarantine.json");

        var run = CommandLineRun.Of("quarantine", "--history", _history, "-o", file);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var entries = document.RootElement.GetProperty("quarantined").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("name").GetString() == "Shop.Tests.StockTests.ReservesStock(sku: \"A-1\")" && e.GetProperty("cause").GetString() == "external");
        Assert.DoesNotContain(entries, e => e.GetProperty("name").GetString() == "Shop.Tests.LegacyTests.ExportsCsv");
        Assert.All(entries, e => Assert.True(e.GetProperty("firstSeen").GetDateTimeOffset() <= e.GetProperty("lastSeen").GetDateTimeOffset()));
    }

    [Fact]
    public void Gate_FixedAfterOneRun_ListsEveryKnownFlakyTestThatPassedNow()
    {
        var gate = CommandLineRun.Of("gate", "--history", _history, Run(30), "--format", "json", "--fixed-after", "1");
        var quarantine = CommandLineRun.Of("quarantine", "--history", _history);

        using var document = JsonDocument.Parse(gate.Output);
        using var known = JsonDocument.Parse(quarantine.Output);
        var failing = document.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        var passedNow = known.RootElement.GetProperty("quarantined").EnumerateArray().Select(e => e.GetProperty("name").GetString()).Except(failing).ToList();
        Assert.NotEmpty(passedNow);
        Assert.Equal(passedNow, document.RootElement.GetProperty("maybeFixed").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public void Gate_NoHistoryYet_EveryFailureIsNew()
    {
        var gate = CommandLineRun.Of("gate", "--history", Path.Combine(_samples.Root, "none-yet.jsonl"), Run(30));

        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("no history yet", gate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_RunAlreadyInTheHistory_IsNotCountedAgainstItself()
    {
        var history = Path.Combine(_samples.Root, "gate-after-add.jsonl");
        File.Copy(_history, history, overwrite: true);
        CommandLineRun.Of("history", "add", history, Run(30));

        var gate = CommandLineRun.Of("gate", "--history", history, Run(30));

        Assert.Equal(0, gate.ExitCode);
        Assert.Contains("against a history of 29 runs", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_BadQuarantineFile_ExitsTwo()
    {
        var quarantine = Path.Combine(_samples.Root, "not-quarantine.json");
        File.WriteAllText(quarantine, "[1,2]");

        var gate = CommandLineRun.Of("gate", "--history", _history, Run(30), "--quarantine", quarantine);

        Assert.Equal(2, gate.ExitCode);
        Assert.Contains("is not a quarantine file", gate.Error, StringComparison.Ordinal);
    }

    /// <summary>Run 30 as another run in which a test that always passed fails.</summary>
    private string BreakStableTest(string name)
    {
        var folder = Path.Combine(_samples.Root, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Run(30)))
        {
            var lines = File.ReadAllLines(file).Select(line => line
                .Replace("run-2-030", "run-2-031", StringComparison.Ordinal)
                .Replace($"\"{Stable}\"", $"\"{Stable}\"", StringComparison.Ordinal));
            lines = lines.Select(line => line.Contains($"\"{Stable}\"", StringComparison.Ordinal)
                ? line.Replace("{\"key\":\"test.case.result.status\",\"value\":{\"stringValue\":\"pass\"}}", "{\"key\":\"test.case.result.status\",\"value\":{\"stringValue\":\"fail\"}}", StringComparison.Ordinal)
                : line);
            File.WriteAllLines(Path.Combine(folder, Path.GetFileName(file)), lines);
        }

        return folder;
    }

    private string Run(int number) => Path.Combine(_samples.Flaky, $"run-{number:000}");
}
