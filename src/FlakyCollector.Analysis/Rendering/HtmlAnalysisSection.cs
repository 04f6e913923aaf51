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

        if (report.Clusters.Count > 0)
        {
            w.WriteLine($"<h3>Tests that fail together ({report.Clusters.Count})</h3>");
        }

        foreach (var cluster in report.Clusters)
        {
            WriteCluster(w, report, cluster);
        }

        var alone = report.FlakyAlone.ToList();
        if (report.Clusters.Count > 0 && alone.Count > 0)
        {
            w.WriteLine($"<h3>Tests that fail alone ({alone.Count})</h3>");
        }

        foreach (var test in alone)
        {
            WriteFlakyTest(w, report, test);
        }

        w.WriteLine("</section>");
    }

    private static void WriteCluster(TextWriter w, FlakinessReport report, FailureCluster cluster)
    {
        w.WriteLine($"<article class=\"cluster\" data-tests=\"{HtmlEncode(string.Join("\n", cluster.Tests.Select(t => t.Name)))}\"><h3>{HtmlEncode(ClusterText.Headline(cluster))}</h3><ul class=\"causes\">");
        foreach (var cause in cluster.Causes)
        {
            WriteCause(w, cause.Hint, $" <small>(shared by {cause.Tests.Count} of {cluster.Tests.Count})</small>");
        }

        w.WriteLine("</ul><ul class=\"members\">");
        foreach (var test in cluster.Tests)
        {
            w.WriteLine($"<li><a href=\"#{TestAnchor(test)}\"><code>{HtmlEncode(ClusterText.Name(report, test))}</code></a>: failed in {test.FailedRuns} of {Quantity.Of(test.Runs, "run")}</li>");
        }

        w.WriteLine($"</ul><p>A failing and a passing run of <code>{HtmlEncode(cluster.Tests[0].Name)}</code>:</p>");
        HtmlComparisonSection.Write(w, cluster.Tests[0]);
        w.WriteLine("<details class=\"members-detail\"><summary>Each test of the cluster</summary>");
        foreach (var test in cluster.Tests)
        {
            WriteFlakyTest(w, report, test);
        }

        w.WriteLine("</details></article>");
    }

    private static void WriteCause(TextWriter w, Causes.CauseHint cause, string suffix = "")
    {
        var kind = Figures.CauseKindName(cause.Kind);
        w.WriteLine($"<li class=\"cause\" data-kind=\"{kind}\"><span class=\"kind k-{kind}\">{kind}</span> {HtmlEncode(cause.Summary)}{suffix}"
            + $"<details class=\"evidence\"><summary>evidence</summary><dl>{string.Concat(cause.Evidence.Select(f => $"<dt>{HtmlEncode(EvidenceText.Name(f.Name))}</dt><dd>{HtmlEncode(EvidenceText.Value(f.Name, f.Value))}</dd>"))}</dl></details></li>");
    }

    internal static string TestAnchor(TestSummary test) => "t-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{test.Service}|{test.Runtime}|{test.Name}")))[..16];

    public static void WriteAllTests(TextWriter w, FlakinessReport report)
    {
        w.WriteLine($"<section id=\"tests\"><h2>All tests ({report.Tests.Count})</h2><details><summary>Show the table</summary><table><tr><th>Test</th><th>Executions</th><th>Passed</th><th>Failed</th><th>Failure rate</th><th>Flaky</th></tr>");
        foreach (var test in report.Tests.Take(MaxTestRows))
        {
            w.WriteLine($"<tr class=\"test-row\" data-test=\"{HtmlEncode(test.Name)}\"><td><code>{HtmlEncode(ClusterText.Name(report, test))}</code></td><td class=\"n\">{test.Executions}</td>"
                + $"<td class=\"n\">{test.Passed}</td><td class=\"n\">{test.Failed}</td><td class=\"n\">{Figures.Percent(test.FailureRate)}</td><td>{(test.Flaky ? "yes" : "")}</td></tr>");
        }

        w.WriteLine("</table></details>");
        if (report.Tests.Count > MaxTestRows)
        {
            w.WriteLine($"<p>… and {report.Tests.Count - MaxTestRows} more (see <code>flakytrace analyze --format json</code>).</p>");
        }

        w.WriteLine("</section>");
    }

    private static void WriteFlakyTest(TextWriter w, FlakinessReport report, TestSummary test)
    {
        w.WriteLine($"<article class=\"flaky-test\" id=\"{TestAnchor(test)}\" data-test=\"{HtmlEncode(test.Name)}\"><h3><code>{HtmlEncode(ClusterText.Name(report, test))}</code></h3>");
        w.WriteLine($"<p>Failed {test.Failed} of {Quantity.Of(test.Passed + test.Failed, "execution")}, in {test.FailedRuns} of {Quantity.Of(test.Runs, "run")} ({Figures.Percent(test.FailureRate)}).");
        if (test.TopError is not null)
        {
            w.WriteLine($" Most common failure ({test.TopErrorCount}×): <code>{HtmlEncode(test.TopError)}</code>");
        }

        w.WriteLine("</p><ul class=\"causes\">");
        foreach (var cause in test.Causes)
        {
            WriteCause(w, cause);
        }

        w.WriteLine("</ul>");
        if (report.ReproOf(test) is { } repro)
        {
            w.WriteLine($"<p class=\"repro repro-{ReproResult(repro)}\"><b>{HtmlEncode(ReproText.Line(repro))}</b></p>");
        }

        HtmlComparisonSection.Write(w, test);
        var passing = test.PassingProfile!;
        var failing = test.FailingProfile!;
        w.WriteLine($"<details class=\"profile\"><summary>All {passing.Executions} passing and {failing.Executions} failing runs, per span</summary><table><tr><th rowspan=\"2\">Span</th><th colspan=\"4\">Passing ({passing.Executions})</th><th colspan=\"4\">Failing ({failing.Executions})</th></tr>");
        w.WriteLine("<tr><th>seen</th><th>median</th><th>errors</th><th>codes</th><th>seen</th><th>median</th><th>errors</th><th>codes</th></tr>");
        w.WriteLine($"<tr><td><i>test duration</i></td><td></td><td class=\"n\">{Figures.Ms(passing.MedianMs)} (p95 {Figures.Ms(passing.P95Ms)})</td><td></td><td></td>"
            + $"<td></td><td class=\"n\">{Figures.Ms(failing.MedianMs)} (p95 {Figures.Ms(failing.P95Ms)})</td><td></td><td></td></tr>");
        foreach (var (label, pass, fail) in Figures.SideBySide(test))
        {
            w.WriteLine($"<tr><td><code>{HtmlEncode(label)}</code></td>{Cells(pass)}{Cells(fail)}</tr>");
        }

        w.WriteLine("</table></details></article>");
    }

    private static string Cells(LabelProfile? p) => p is null
        ? "<td>-</td><td>-</td><td>-</td><td>-</td>"
        : $"<td class=\"n\">{Figures.Percent(p.Appearance)}</td><td class=\"n\">{Figures.Ms(p.MedianMs)}</td><td class=\"n\">{p.Errors}</td><td>{HtmlEncode(Figures.Codes(p.StatusCodes))}</td>";

    private static string ReproResult(Repro.ReproResult repro) => Repro.ReproResult.VerdictText(repro.Verdict).Replace(' ', '-');
}
