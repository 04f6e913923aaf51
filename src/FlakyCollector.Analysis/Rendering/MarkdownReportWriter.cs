using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// <c>--format markdown</c>: GitHub-flavoured markdown fit for a CI job summary
/// (<c>$GITHUB_STEP_SUMMARY</c>): a ranked table, then one collapsible section per flaky test.
/// </summary>
public static class MarkdownReportWriter
{
    public static void Write(FlakinessReport report, TextWriter writer, bool allTests = false)
    {
        var flaky = report.FlakyTests.ToList();
        writer.WriteLine($"## flakytrace: {(flaky.Count == 0 ? "no flaky tests" : $"{Quantity.Of(flaky.Count, "flaky test")}")}");
        writer.WriteLine();
        writer.WriteLine(Figures.Headline(report) + ".");
        writer.WriteLine();
        if (flaky.Count > 0)
        {
            WriteClusters(writer, report);
            var alone = report.FlakyAlone.ToList();
            if (report.Clusters.Count > 0 && alone.Count > 0)
            {
                writer.WriteLine($"### Tests that fail alone ({alone.Count})");
                writer.WriteLine();
            }

            if (alone.Count > 0)
            {
                writer.WriteLine("| # | Test | Failed runs | Failure rate | Likely cause |");
                writer.WriteLine("|--:|------|------------:|-------------:|--------------|");
                for (var i = 0; i < alone.Count; i++)
                {
                    var test = alone[i];
                    writer.WriteLine($"| {i + 1} | `{Cell(ClusterText.Name(report, test))}` | {test.FailedRuns} / {test.Runs} | {Figures.Percent(test.FailureRate)} | {Figures.CauseKindName(test.Causes[0].Kind)} |");
                }

                writer.WriteLine();
            }

            foreach (var test in report.Clusters.SelectMany(c => c.Tests).Concat(alone))
            {
                WriteDetails(writer, report, test);
            }
        }

        var failing = report.Tests.Where(t => !t.Flaky && t.Failed > 0).ToList();
        if (failing.Count > 0)
        {
            writer.WriteLine($"**Failing but not flaky:** {failing.Count}");
            writer.WriteLine();
            foreach (var test in failing)
            {
                writer.WriteLine($"- `{Cell(ClusterText.Name(report, test))}` failed {test.Failed}/{test.Executions}: {Cell(ClusterText.FailingNote(report, test))}");
            }

            writer.WriteLine();
        }

        if (allTests)
        {
            writer.WriteLine("| Test | Executions | Passed | Failed | Failure rate | Flaky |");
            writer.WriteLine("|------|-----------:|-------:|-------:|-------------:|:-----:|");
            foreach (var test in report.Tests)
            {
                writer.WriteLine($"| `{Cell(ClusterText.Name(report, test))}` | {test.Executions} | {test.Passed} | {test.Failed} | {Figures.Percent(test.FailureRate)} | {(test.Flaky ? "yes" : "no")} |");
            }

            writer.WriteLine();
        }

        if (report.Input.MalformedLineCount > 0)
        {
            writer.WriteLine($"> {Quantity.Of(report.Input.MalformedLineCount, "malformed input line")} {(report.Input.MalformedLineCount == 1 ? "was" : "were")} skipped; the first: `{Cell(report.Input.Malformed[0].ToString())}`");
        }
    }

    private static void WriteClusters(TextWriter writer, FlakinessReport report)
    {
        if (report.Clusters.Count == 0)
        {
            return;
        }

        writer.WriteLine($"### Tests that fail together ({Quantity.Of(report.Clusters.Count, "cluster")})");
        writer.WriteLine();
        for (var i = 0; i < report.Clusters.Count; i++)
        {
            var cluster = report.Clusters[i];
            writer.WriteLine($"{i + 1}. **{ClusterText.Headline(cluster)}**; {Cell(ClusterText.Cause(cluster.Causes[0]))}");
            foreach (var test in cluster.Tests)
            {
                writer.WriteLine($"   - `{Cell(ClusterText.Name(report, test))}`: failed in {test.FailedRuns} of {Quantity.Of(test.Runs, "run")}");
            }
        }

        writer.WriteLine();
    }

    private static void WriteDetails(TextWriter writer, FlakinessReport report, TestSummary test)
    {
        writer.WriteLine($"<details><summary><code>{Html(ClusterText.Name(report, test))}</code>: {Figures.CauseKindName(test.Causes[0].Kind)}</summary>");
        writer.WriteLine();
        if (test.TopError is not null)
        {
            writer.WriteLine($"Most common failure ({test.TopErrorCount}x): `{Cell(test.TopError)}`");
            writer.WriteLine();
        }

        foreach (var cause in test.Causes)
        {
            writer.WriteLine($"- **{Figures.CauseKindName(cause.Kind)}**: {Cell(cause.Summary)}");
        }

        if (report.ReproOf(test) is { } repro)
        {
            writer.WriteLine();
            writer.WriteLine($"**{Cell(ReproText.Line(repro))}**");
        }

        writer.WriteLine();
        var passing = test.PassingProfile!;
        var failing = test.FailingProfile!;
        writer.WriteLine($"| Span | Passing ({passing.Executions}): seen | median | errors | codes | Failing ({failing.Executions}): seen | median | errors | codes |");
        writer.WriteLine("|------|-----:|-----:|-----:|------|-----:|-----:|-----:|------|");
        writer.WriteLine($"| _test duration_ | | {Figures.Ms(passing.MedianMs)} (p95 {Figures.Ms(passing.P95Ms)}) | | | | {Figures.Ms(failing.MedianMs)} (p95 {Figures.Ms(failing.P95Ms)}) | | |");
        foreach (var (label, pass, fail) in Figures.SideBySide(test))
        {
            writer.WriteLine($"| `{Cell(label)}` | {Side(pass)} | {Side(fail)} |");
        }

        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }

    private static string Side(LabelProfile? profile) => profile is null
        ? "- | - | - | -"
        : $"{Figures.Percent(profile.Appearance)} | {Figures.Ms(profile.MedianMs)} | {profile.Errors} | {Figures.Codes(profile.StatusCodes)}";

    // Pipes end a table cell and newlines end the row; backticks would end the code span.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('`', '\'');

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
