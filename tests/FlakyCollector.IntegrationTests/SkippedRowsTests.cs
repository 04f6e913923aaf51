using System.Text.RegularExpressions;
using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// xUnit files every row of a theory under one key, and reports a row later than it ended (vstest
/// in batches, the platform through its buses). A row skipped by its attribute ran no hook, so
/// the oldest recording under the key is already a later row's: tests/samples/SkippedRows* make
/// one HTTP call per row that runs, naming the row, and each call must be in its own row's trace.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class SkippedRowsTests(PackageFeed feed)
{
    [Theory]
    [InlineData("SkippedRowsXunit")]
    [InlineData("SkippedRowsXunitV3")]
    public void Vstest_EveryRowsCallIsInItsOwnRowsTrace(string name)
    {
        using var sample = SampleProject.Create(name, feed);

        AssertEveryCallInItsOwnRow(sample.Test(["--collect", "FlakyTrace"]));
    }

    [Fact]
    public void Platform_EveryRowsCallIsInItsOwnRowsTrace()
    {
        using var sample = SampleProject.Create("SkippedRowsXunitV3Mtp", feed);

        AssertEveryCallInItsOwnRow(sample.TestOnPlatform(["--flaky-trace"]));
    }

    private static void AssertEveryCallInItsOwnRow(SampleRun run)
    {
        Assert.Equal(120, run.TestSpans.Count);
        var rowOfTrace = run.TestSpans.ToDictionary(s => s.TraceId, s => Row(s.Name));
        var calls = run.Spans.Where(s => s.Attribute("url.full") is not null).ToList();
        var misplaced = calls
            .Select(call => (Called: CalledRow(call.Attribute("url.full")!), Under: rowOfTrace.GetValueOrDefault(call.TraceId)))
            .Where(c => c.Called != c.Under)
            .ToList();

        Assert.Equal(80, calls.Count);
        Assert.True(misplaced.Count == 0, $"{misplaced.Count} of 80 calls in another row's trace (call's row, trace's row): {string.Join(", ", misplaced.Take(10))}");
    }

    private static int Row(string displayName) => int.Parse(RowArgument().Match(displayName).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int CalledRow(string url) => int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"row: (\d+)\)")]
    private static partial Regex RowArgument();
}
