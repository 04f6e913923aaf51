using FlakyCollector.Analysis.Gate;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// The gate in markdown, for <c>$GITHUB_STEP_SUMMARY</c> or a pull request comment: new failures
/// first, then still broken, then known flaky tests with their cause in one line each, then maybe fixed.
/// </summary>
public static class GateMarkdownWriter
{
    public static void Write(GateReport report, TextWriter writer)
    {
        var withRuntime = report.Failures.Select(f => f.Runtime).Distinct().Count() > 1;
        var mark = report.HasNew ? "❌" : "✅";
        writer.WriteLine($"## {mark} flakytrace gate: {GateText.Headline(report)}");
        writer.WriteLine();
        writer.WriteLine(GateText.Context(report) + (report.ReportLink is null ? "." : $". [HTML report]({report.ReportLink})"));
        writer.WriteLine();
        var fresh = report.Of(FailureClass.New).ToList();
        if (fresh.Count > 0)
        {
            writer.WriteLine($"### New failures ({fresh.Count})");
            writer.WriteLine();
            foreach (var f in fresh)
            {
                writer.WriteLine($"- `{Code(GateText.Name(f.Name, f.Runtime, withRuntime))}`: {Text(f.Message)} ({Text(f.Reason)})");
            }

            writer.WriteLine();
        }

        var broken = report.Of(FailureClass.Broken).ToList();
        if (broken.Count > 0)
        {
            writer.WriteLine($"### Still broken ({broken.Count})");
            writer.WriteLine();
            foreach (var f in broken)
            {
                writer.WriteLine($"- `{Code(GateText.Name(f.Name, f.Runtime, withRuntime))}`: {Text(f.Message)} ({Text(f.Reason)}, {GateText.Since(f.SinceMs, f.SinceCommit)})");
            }

            writer.WriteLine();
        }

        var known = report.Of(FailureClass.Known).ToList();
        if (known.Count > 0)
        {
            writer.WriteLine($"### Known flaky ({known.Count})");
            writer.WriteLine();
            foreach (var f in known)
            {
                writer.WriteLine($"- `{Code(GateText.Name(f.Name, f.Runtime, withRuntime))}`: {Text(GateText.Cause(f))}");
            }

            writer.WriteLine();
        }

        if (report.MaybeFixed.Count > 0)
        {
            writer.WriteLine($"### Maybe fixed ({report.MaybeFixed.Count})");
            writer.WriteLine();
            foreach (var t in report.MaybeFixed)
            {
                writer.WriteLine($"- `{Code(t.Name)}`: passed {t.PassedRuns} runs in a row {GateText.Since(t.SinceMs, t.SinceCommit)}".TrimEnd());
            }

            writer.WriteLine();
        }
    }

    private static string Code(string text) => text.Replace('`', '\'');

    private static string Text(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
