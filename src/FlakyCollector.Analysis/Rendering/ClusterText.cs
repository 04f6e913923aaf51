using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>The sentences every output uses for clusters and runtimes, so they read the same everywhere.</summary>
internal static class ClusterText
{
    public static string Headline(FailureCluster cluster) =>
        $"{cluster.Tests.Count} tests fail together in {Figures.Count(cluster.FailedRuns)} of {Quantity.Of(cluster.Runs, "run")}";

    public static string Cause(ClusterCause cause) =>
        $"{Figures.CauseKindName(cause.Hint.Kind)} (shared by {cause.Tests.Count}): {cause.Hint.Summary}";

    /// <summary>
    /// The test's name; with its service when another service has a test of that name, and with
    /// its runtime when the input holds more than one: "Api.Tests.Get (Orders.Tests) [.NET 8]".
    /// </summary>
    public static string Name(FlakinessReport report, TestSummary test)
    {
        var name = report.SharedNames.Contains(test.Name) ? $"{test.Name} ({test.Service ?? "no service"})" : test.Name;
        return report.Runtimes.Count > 1 && test.Runtime is not null ? $"{name} [{test.Runtime}]" : name;
    }

    /// <summary>"fails on .NET 8 only", or the error headline of a test failing everywhere.</summary>
    public static string FailingNote(FlakinessReport report, TestSummary test)
    {
        if (test.FailsOnlyOn is null)
        {
            return test.TopError ?? "";
        }

        var others = report.Tests
            .Where(t => t.Name == test.Name && t.Service == test.Service && t.Runtime != test.Runtime && t.Runtime is not null)
            .Select(t => t.Runtime!)
            .Order(StringComparer.Ordinal);
        return $"fails on {test.FailsOnlyOn} only (passes on {string.Join(", ", others)}): {test.TopError}";
    }
}
