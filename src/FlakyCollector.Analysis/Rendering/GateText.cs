using System.Globalization;
using FlakyCollector.Analysis.Gate;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>The phrases the gate's console and markdown outputs share.</summary>
internal static class GateText
{
    public static string Headline(GateReport report)
    {
        var count = (FailureClass kind) => report.Of(kind).Count();
        var parts = new List<string>();
        if (count(FailureClass.New) > 0)
        {
            parts.Add($"{count(FailureClass.New)} new failure{Plural(count(FailureClass.New))}");
        }

        if (count(FailureClass.Broken) > 0)
        {
            parts.Add($"{count(FailureClass.Broken)} still broken");
        }

        if (count(FailureClass.Known) > 0)
        {
            parts.Add($"{count(FailureClass.Known)} known flaky");
        }

        return parts.Count == 0 ? "no failures" : string.Join(", ", parts);
    }

    public static string Context(GateReport report) =>
        $"{report.Tests} test{Plural(report.Tests)} in {report.Runs} run{Plural(report.Runs)}, against a history of {report.HistoryRuns} run{Plural(report.HistoryRuns)}";

    public static string Name(string name, string? runtime, bool withRuntime) => withRuntime && runtime is not null ? $"{name} ({runtime})" : name;

    public static string Cause(GateFailure failure) => failure.Cause is null
        ? "no cause recorded"
        : $"{Figures.CauseKindName(failure.Cause.Kind)}: {failure.Cause.Summary}";

    public static string Since(long? ms, string? commit)
    {
        if (ms is null)
        {
            return "";
        }

        var date = DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return commit is null ? $"since {date}" : $"since {date} ({Short(commit)})";
    }

    public static string Evidence(GateFailure failure) => failure.Cause is null || failure.Cause.Evidence.Count == 0
        ? ""
        : string.Join(", ", failure.Cause.Evidence.Take(4).Select(f => $"{EvidenceText.Name(f.Name)} {EvidenceText.Value(f.Name, f.Value)}"));

    public static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;

    private static string Plural(int count) => count == 1 ? "" : "s";
}
