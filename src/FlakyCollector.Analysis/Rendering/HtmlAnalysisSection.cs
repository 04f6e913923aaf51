using FlakyCollector.Analysis.Flakiness;
using static System.Net.WebUtility;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>The flaky-test analysis in the HTML report: ranked tests, causes with their evidence, side-by-side spans.</summary>
internal static class HtmlAnalysisSection
{
    private const int MaxTestRows = 1000;

    public static void Write(TextWriter w, FlakinessReport report)
    {
        var flaky = report.FlakyTests.ToList();
        w.WriteLine($"<section id=\"analysis\"><h2>Flaky tests ({flaky.Count})</h2>");
        if (flaky.Count == 0)
        {
            w.WriteLine("<p>No test both passed and failed on the same commit.</p>");
        }

        foreach (var test in flaky)
        {
            WriteFlakyTest(w, test);
        }

        w.WriteLine("</section>");
    }

    public static void WriteAllTests(TextWriter w, FlakinessReport report)
    {
        w.WriteLine($"<section id=\"tests\"><h2>All tests ({report.Tests.Count})</h2><details><summary>Show the table</summary><table><tr><th>Test</th><th>Executions</th><th>Passed</th><th>Failed</th><th>Failure rate</th><th>Flaky</th></tr>");
        foreach (var test in report.Tests.Take(MaxTestRows))
        {
            w.WriteLine($"<tr class=\"test-row\" data-test=\"{HtmlEncode(test.Name)}\"><td><code>{HtmlEncode(test.Name)}</code></td><td class=\"n\">{test.Executions}</td>"
                + $"<td class=\"n\">{test.Passed}</td><td class=\"n\">{test.Failed}</td><td class=\"n\">{Figures.Percent(test.FailureRate)}</td><td>{(test.Flaky ? "yes" : "")}</td></tr>");
        }

        w.WriteLine("</table></details>");
        if (report.Tests.Count > MaxTestRows)
        {
            w.WriteLine($"<p>… and {report.Tests.Count - MaxTestRows} more (see <code>flakytrace analyze --format json</code>).</p>");
        }

        w.WriteLine("</section>");
    }

    private static void WriteFlakyTest(TextWriter w, TestSummary test)
    {
        w.WriteLine($"<article class=\"flaky-test\" data-test=\"{HtmlEncode(test.Name)}\"><h3><code>{HtmlEncode(test.Name)}</code></h3>");
        w.WriteLine($"<p>Failed {test.Failed} of {test.Passed + test.Failed} executions, in {test.FailedRuns} of {test.Runs} runs ({Figures.Percent(test.FailureRate)}).");
        if (test.TopError is not null)
        {
            w.WriteLine($" Most common failure ({test.TopErrorCount}×): <code>{HtmlEncode(test.TopError)}</code>");
        }

        w.WriteLine("</p><ul class=\"causes\">");
        foreach (var cause in test.Causes)
        {
            var kind = Figures.CauseKindName(cause.Kind);
            var evidence = string.Join(", ", cause.Evidence.Select(f => $"{f.Name}={FigureText(f.Value)}"));
            w.WriteLine($"<li class=\"cause\" data-kind=\"{kind}\"><span class=\"kind k-{kind}\">{kind}</span> {HtmlEncode(cause.Summary)}<br><small>{HtmlEncode(evidence)}</small></li>");
        }

        w.WriteLine("</ul>");
        var passing = test.PassingProfile!;
        var failing = test.FailingProfile!;
        w.WriteLine($"<table><tr><th rowspan=\"2\">Span</th><th colspan=\"4\">Passing ({passing.Executions})</th><th colspan=\"4\">Failing ({failing.Executions})</th></tr>");
        w.WriteLine("<tr><th>seen</th><th>median</th><th>errors</th><th>codes</th><th>seen</th><th>median</th><th>errors</th><th>codes</th></tr>");
        w.WriteLine($"<tr><td><i>test duration</i></td><td></td><td class=\"n\">{Figures.Ms(passing.MedianMs)} (p95 {Figures.Ms(passing.P95Ms)})</td><td></td><td></td>"
            + $"<td></td><td class=\"n\">{Figures.Ms(failing.MedianMs)} (p95 {Figures.Ms(failing.P95Ms)})</td><td></td><td></td></tr>");
        foreach (var (label, pass, fail) in Figures.SideBySide(test))
        {
            w.WriteLine($"<tr><td><code>{HtmlEncode(label)}</code></td>{Cells(pass)}{Cells(fail)}</tr>");
        }

        w.WriteLine("</table></article>");
    }

    private static string Cells(LabelProfile? p) => p is null
        ? "<td>-</td><td>-</td><td>-</td><td>-</td>"
        : $"<td class=\"n\">{Figures.Percent(p.Appearance)}</td><td class=\"n\">{Figures.Ms(p.MedianMs)}</td><td class=\"n\">{p.Errors}</td><td>{HtmlEncode(Figures.Codes(p.StatusCodes))}</td>";

    private static string FigureText(object value) => value switch
    {
        IReadOnlyDictionary<string, int> map => string.Join(" ", map.Select(kv => $"{kv.Key}x{kv.Value}")),
        double d => d.ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
