using System.Globalization;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>How numbers look in the human-readable outputs (console, markdown, HTML).</summary>
internal static class Figures
{
    public static string Ms(double milliseconds) => milliseconds >= 10_000
        ? (milliseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : milliseconds.ToString(milliseconds >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture) + " ms";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Codes(IReadOnlyDictionary<int, int> codes) =>
        codes.Count == 0 ? "-" : string.Join(" ", codes.Select(c => $"{c.Key}x{c.Value}"));

    public static string Headline(FlakinessReport report) =>
        $"{Quantity.Of(report.Tests.Sum(t => t.Executions), "execution")} of {Quantity.Of(report.Tests.Count, "test")} in {Quantity.Of(report.Runs, "run")} "
        + $"({Quantity.Of(report.Commits, "commit")}) from {Quantity.Of(report.Input.Files.Count, "file")}";

    public static string CauseKindName(Causes.CauseKind kind) => kind.ToString().ToLowerInvariant();

    public static string ConfidenceName(Causes.Confidence confidence) => confidence.ToString().ToLowerInvariant();

    /// <summary>Labels of both profiles, so that a label seen only in failing runs still gets a row.</summary>
    public static IEnumerable<(string Label, LabelProfile? Passing, LabelProfile? Failing)> SideBySide(TestSummary test)
    {
        var passing = test.PassingProfile?.Labels.ToDictionary(l => l.Label) ?? [];
        var failing = test.FailingProfile?.Labels.ToDictionary(l => l.Label) ?? [];
        foreach (var label in passing.Keys.Union(failing.Keys).Order(StringComparer.Ordinal))
        {
            yield return (label, passing.GetValueOrDefault(label), failing.GetValueOrDefault(label));
        }
    }
}
