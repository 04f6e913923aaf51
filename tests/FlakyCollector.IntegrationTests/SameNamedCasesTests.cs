using System.Text.RegularExpressions;
using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// NUnit cases whose arguments print alike, and MSTest rows with one display name, share one hook
/// key, and the platform hands a case over after the next one has run. The next case's recording
/// must stay for its own result, not be taken as a failed earlier attempt of this one:
/// tests/samples/SameNamed* make one HTTP call per case, naming the case, and every fourth fails
/// naming it too.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class SameNamedCasesTests(PackageFeed feed)
{
    [Theory]
    [InlineData("SameNamedNUnitMtp")]
    [InlineData("SameNamedMSTestMtp")]
    public void Platform_EveryCaseHasItsOwnCallAndNoOtherCasesAttempt(string name)
    {
        using var sample = SampleProject.Create(name, feed);

        var run = sample.TestOnPlatform(["--flaky-trace"]);

        var calls = run.Spans.Where(s => s.Attribute("url.full") is not null).ToLookup(s => s.TraceId, s => CalledRow(s.Attribute("url.full")!));
        Assert.Equal(120, calls.Sum(c => c.Count()));
        var withoutOneCall = run.TestSpans.Count(s => calls[s.TraceId].Count() != 1);
        var failedElsewhere = run.TestSpans
            .Select(s => (Failed: FailedRow(s.StatusMessage), Calls: calls[s.TraceId].ToList()))
            .Where(s => s.Failed is not null && s.Calls.SequenceEqual([s.Failed.Value]) is false)
            .ToList();

        Assert.True(run.TestSpans.Count == 120 && withoutOneCall == 0,
            $"{run.TestSpans.Count} test spans for 120 cases, {withoutOneCall} of them without exactly one call of their own");
        Assert.Equal(30, run.TestSpans.Count(s => FailedRow(s.StatusMessage) is not null));
        Assert.True(failedElsewhere.Count == 0,
            $"{failedElsewhere.Count} of 30 failed cases without their own call (failed row: calls in its trace): "
            + string.Join(", ", failedElsewhere.Take(10).Select(f => $"{f.Failed}: [{string.Join(" ", f.Calls)}]")));
    }

    private static int? FailedRow(string? message) =>
        message is not null && FailureNamingItsRow().Match(message) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static int CalledRow(string url) => int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"row (\d+) fails")]
    private static partial Regex FailureNamingItsRow();
}
