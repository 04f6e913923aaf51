using System.Globalization;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static System.Net.WebUtility;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// A failing and a passing execution of a flaky test side by side, as waterfalls on one time
/// scale: one row per child span label, so the same work lines up; the test's end is a line on
/// each track; rows that differ (slower, error, missing, late) are marked, with the cause that
/// names them next to them.
/// </summary>
internal static class HtmlComparisonSection
{
    // One pair of runs is noisy: a row is marked slower only at twice the time, and by at least a
    // twentieth of the failing test's duration (and a millisecond).
    private const double SlowerFactor = 2;
    private const double SlowerShareOfTest = 0.05;

    public static void Write(TextWriter w, TestSummary test)
    {
        if (ExecutionPair.Pick(test) is not var (failing, passing))
        {
            w.WriteLine("<p class=\"compare-none\">No failing and passing execution with spans to compare (the side-by-side view needs <code>flakytrace report</code>).</p>");
            return;
        }

        var scale = Math.Max(Extent(failing), Extent(passing));
        var rows = failing.Details.Concat(passing.Details)
            .GroupBy(d => d.Label)
            .OrderBy(g => g.Min(d => d.StartNanos - (failing.Details.Contains(d) ? failing.StartNanos : passing.StartNanos)))
            .Select(g => g.Key)
            .ToList();
        w.WriteLine($"<div class=\"compare\" data-test=\"{HtmlEncode(test.Name)}\" data-failing=\"{failing.TraceIdHex}\" data-passing=\"{passing.TraceIdHex}\">");
        w.WriteLine($"<div class=\"cmp-row cmp-head\"><span>span</span><span class=\"side-fail\">Failing: {HtmlEncode(RunTitles.Of(failing))}</span>"
            + $"<span class=\"side-pass\">Passing: {HtmlEncode(RunTitles.Of(passing))}</span><span>difference</span></div>");
        w.Write("<div class=\"cmp-row cmp-axis\"><span></span>");
        TimeAxis.Write(w, scale);
        TimeAxis.Write(w, scale);
        w.WriteLine("<span></span></div>");
        w.WriteLine($"<div class=\"cmp-row cmp-test\"><span class=\"name\"><i>the test itself</i></span>{TestTrack(failing, scale, "fail")}{TestTrack(passing, scale, "pass")}"
            + $"<span class=\"diff\">{Figures.Ms(failing.DurationNanos / 1e6)} vs {Figures.Ms(passing.DurationNanos / 1e6)}</span></div>");
        HtmlLogMarks.WriteRow(w, failing, passing, scale, test.Causes);
        foreach (var label in rows)
        {
            var f = failing.Details.Where(d => d.Label == label).ToList();
            var p = passing.Details.Where(d => d.Label == label).ToList();
            var marks = Differences(failing, f, passing, p);
            var evidence = test.Causes.Where(c => Names(c, label)).ToList();
            w.WriteLine($"<div class=\"cmp-row{string.Concat(marks.Select(m => " d-" + m.Kind))}\" data-label=\"{HtmlEncode(label)}\" data-diff=\"{string.Join(' ', marks.Select(m => m.Kind))}\">"
                + $"<span class=\"name\" title=\"{HtmlEncode(label)}\">{HtmlEncode(label)}</span>{Track(failing, f, scale)}{Track(passing, p, scale)}"
                + $"<span class=\"diff\">{string.Concat(marks.Select(m => $"<b class=\"mark m-{m.Kind}\">{m.Kind}</b> {HtmlEncode(m.Text)} "))}"
                + $"{string.Concat(evidence.Select(c => $"<span class=\"evidence-note\"><span class=\"kind k-{Figures.CauseKindName(c.Kind)}\">{Figures.CauseKindName(c.Kind)}</span> {HtmlEncode(c.Summary)}</span>"))}</span></div>");
        }

        w.WriteLine("</div>");
    }

    private static bool Names(CauseHint cause, string label) => cause.Evidence.Any(f => f.Name == "span" && (f.Value as string) == label);

    private static List<(string Kind, string Text)> Differences(TestExecution failing, List<ChildSpanDetail> f, TestExecution passing, List<ChildSpanDetail> p)
    {
        var marks = new List<(string, string)>();
        if (f.Count == 0)
        {
            return [("missing", "not in the failing run")];
        }

        if (p.Count == 0)
        {
            return [("missing", "only in the failing run")];
        }

        var failingLate = f.Where(d => d.EndNanos > failing.EndNanos || d.MarkedLate).ToList();
        if (failingLate.Count > 0 && !p.Any(d => d.EndNanos > passing.EndNanos || d.MarkedLate))
        {
            marks.Add(("late", $"ends {Figures.Ms((failingLate.Max(d => d.EndNanos) - failing.EndNanos) / 1e6)} after the test; in the passing run {Figures.Ms((passing.EndNanos - p.Max(d => d.EndNanos)) / 1e6)} before"));
        }

        if (f.Any(d => d.IsError) && !p.Any(d => d.IsError))
        {
            var error = f.First(d => d.IsError);
            marks.Add(("error", error.HttpStatusCode > 0 ? $"status {error.HttpStatusCode}" : error.ErrorText ?? "error"));
        }

        double failingMs = f.Sum(d => d.EndNanos - d.StartNanos) / 1e6, passingMs = p.Sum(d => d.EndNanos - d.StartNanos) / 1e6;
        if (failingMs > passingMs * SlowerFactor && failingMs - passingMs >= Math.Max(1, SlowerShareOfTest * failing.DurationNanos / 1e6))
        {
            marks.Add(("slower", $"{Figures.Ms(failingMs)} vs {Figures.Ms(passingMs)}"));
        }

        return marks;
    }

    private static string TestTrack(TestExecution e, long scale, string outcome) =>
        $"<div class=\"track\"><i class=\"test-bar {outcome}\" style=\"left:0;width:{Pct(e.DurationNanos, scale)}%\" title=\"{Figures.Ms(e.DurationNanos / 1e6)}\"></i>{EndLine(e, scale)}</div>";

    private static string Track(TestExecution e, List<ChildSpanDetail> spans, long scale)
    {
        var bars = spans.Select(d =>
        {
            var late = d.EndNanos > e.EndNanos || d.MarkedLate;
            var css = d.IsError ? "err" : late ? "late" : "";
            var title = $"{d.Label}: {Figures.Ms((d.EndNanos - d.StartNanos) / 1e6)}{(d.HttpStatusCode > 0 ? $", status {d.HttpStatusCode}" : "")}{(late ? ", ended after the test" : "")}";
            return $"<i class=\"{css}\" style=\"left:{Pct(d.StartNanos - e.StartNanos, scale)}%;width:{Pct(d.EndNanos - d.StartNanos, scale)}%\" title=\"{HtmlEncode(title)}\"></i>";
        });
        return $"<div class=\"track\">{string.Concat(bars)}{EndLine(e, scale)}</div>";
    }

    private static string EndLine(TestExecution e, long scale) => $"<b class=\"test-end\" style=\"left:{Pct(e.DurationNanos, scale)}%\"></b>";

    private static long Extent(TestExecution e) =>
        Math.Max(1, Math.Max(e.DurationNanos, e.Details.Count == 0 ? 0 : e.Details.Max(d => d.EndNanos) - e.StartNanos));

    private static string Pct(long nanos, long scale) =>
        Math.Round(Math.Clamp(nanos / (double)scale, 0, 1) * 100, 3).ToString(CultureInfo.InvariantCulture);
}
