using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static System.Net.WebUtility;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// <c>flakytrace report</c>: one self-contained HTML file (inline CSS and script, no network)
/// with a timeline of each run and the flaky-test analysis. Read the corpus with
/// <see cref="TraceReadOptions.RetainDetails"/> so tests open to their child spans and stack traces.
/// </summary>
public static class HtmlReportWriter
{
    public static void Write(FlakinessReport report, TraceCorpus corpus, TextWriter w, int maxRuns = 20)
    {
        var flaky = report.FlakyTests.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var runs = SelectRuns(corpus, flaky, maxRuns);
        w.WriteLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>flakytrace report: {Quantity.Of(report.FlakyCount, "flaky test")}</title><style>{HtmlPage.Style}{HtmlLogMarks.Style} .m-log, .k-log {{ background: #8250df; }} .cmp-row.d-log > .name {{ font-weight: 600; background: #fff8c5; }}</style></head><body>");
        w.WriteLine($"<h1>flakytrace report: {Quantity.Of(report.FlakyCount, "flaky test")}</h1><p>{HtmlEncode(Figures.Headline(report))}.</p>");
        foreach (var note in InputNotes.Lines(report.Input))
        {
            w.WriteLine($"<p class=\"note\">{HtmlEncode(note)}</p>");
        }

        w.WriteLine("<p><a href=\"#analysis\">Flaky-test analysis</a> · <a href=\"#timelines\">Run timelines</a> · <a href=\"#tests\">All tests</a></p>");
        HtmlAnalysisSection.Write(w, report);
        w.WriteLine($"<section id=\"timelines\"><h2>Run timelines ({runs.Count} of {report.Runs})</h2>");
        w.WriteLine("<p class=\"legend\"><span><i class=\"pass\"></i>passed</span><span><i class=\"fail\"></i>failed</span>"
            + "<span><i class=\"skip\"></i>skipped</span><span>outlined: a flaky test</span> Click a bar for its spans and error.</p>");
        foreach (var (runId, executions) in runs)
        {
            HtmlTimelineSection.Write(w, runId, executions, flaky);
        }

        w.WriteLine("</section>");
        HtmlAnalysisSection.WriteAllTests(w, report);
        w.WriteLine($"<script>{HtmlPage.Script}</script></body></html>");
    }

    /// <summary>Runs where a flaky test failed come first, then the latest; shown in time order.</summary>
    private static List<(string RunId, List<TestExecution> Executions)> SelectRuns(TraceCorpus corpus, ISet<string> flaky, int maxRuns) =>
        corpus.Executions
            .GroupBy(e => e.RunId, StringComparer.Ordinal)
            .Select(g => (RunId: g.Key, Executions: g.ToList()))
            .OrderByDescending(r => r.Executions.Any(e => e.Outcome == TestOutcome.Failed && flaky.Contains(e.Name)))
            .ThenByDescending(r => r.Executions.Min(e => e.StartNanos))
            .Take(Math.Max(1, maxRuns))
            .OrderBy(r => r.Executions.Min(e => e.StartNanos))
            .ToList();
}
