using System.Globalization;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>How a run is named for people: project (service), commit and time, not its id.</summary>
internal static class RunTitles
{
    public static string Of(IReadOnlyCollection<TestExecution> run)
    {
        var services = run.Select(e => e.ServiceName).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var commit = run.Select(e => e.Commit).FirstOrDefault(c => c is not null);
        var start = run.Count == 0 ? 0 : run.Min(e => e.StartNanos);
        var parts = new List<string> { services.Count == 0 ? "tests" : string.Join(", ", services) };
        if (commit is not null)
        {
            parts.Add($"commit {Short(commit)}");
        }

        parts.Add(Time(start));
        return string.Join(" · ", parts);
    }

    public static string Of(TestExecution execution) => Of([execution]);

    public static string Time(long unixNanos) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixNanos / 1_000_000).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;
}
