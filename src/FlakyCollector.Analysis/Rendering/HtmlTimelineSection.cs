using System.Globalization;
using FlakyCollector.Analysis.Model;
using static System.Net.WebUtility;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// One run's timeline: tests as bars in concurrency lanes, coloured by outcome; each bar links to
/// a collapsible entry with the test's child spans as a waterfall and its error.
/// </summary>
internal static class HtmlTimelineSection
{
    private const int LaneHeight = 22;

    // Very large runs keep every bar but only the drill-downs that matter (failures, flaky tests).
    private const int MaxDrillDownsPerRun = 1500;

    public static void Write(TextWriter w, string runId, List<TestExecution> run, ISet<string> flaky)
    {
        var byStart = run.OrderBy(e => e.StartNanos).ToList();
        var lanes = TimelineLanes.Assign(byStart, out var laneCount);
        long start = byStart.Min(e => e.StartNanos), end = byStart.Max(e => e.EndNanos);
        var span = Math.Max(1, end - start);
        var failed = run.Count(e => e.Outcome == TestOutcome.Failed);
        w.WriteLine($"<section class=\"run\" data-run=\"{HtmlEncode(runId)}\"><header title=\"run id {HtmlEncode(runId)}\">{HtmlEncode(RunTitles.Of(run))} <span>"
            + $"{Quantity.Of(run.Count, "test")} · {failed} failed · {Figures.Ms(span / 1e6)} · {Quantity.Of(laneCount, "lane")}</span></header>");
        TimeAxis.Write(w, span);
        w.WriteLine($"<div class=\"timeline\" style=\"height:{laneCount * LaneHeight}px\">");
        for (var i = 0; i < byStart.Count; i++)
        {
            var e = byStart[i];
            var left = Pct((e.StartNanos - start) / (double)span);
            var width = Pct(e.DurationNanos / (double)span);
            var css = OutcomeClass(e.Outcome) + (flaky.Contains(e.Name) ? " flaky" : "");
            var title = $"{e.Name} — {Figures.Ms(e.DurationNanos / 1e6)} — {e.Outcome.ToString().ToLowerInvariant()}";
            w.WriteLine($"<a class=\"bar {css}\" href=\"#{Id(e)}\" data-test=\"{HtmlEncode(e.Name)}\" title=\"{HtmlEncode(title)}\" "
                + $"style=\"left:{left}%;width:{width}%;top:{(lanes[i] * LaneHeight) + 2}px\">{HtmlEncode(e.DisplayName)}</a>");
        }

        w.WriteLine("</div>");
        var drillDowns = byStart.Count <= MaxDrillDownsPerRun
            ? byStart
            : byStart.Where(e => e.Outcome == TestOutcome.Failed || flaky.Contains(e.Name)).Take(MaxDrillDownsPerRun).ToList();
        w.WriteLine($"<details class=\"run-tests\"><summary>{Quantity.Of(drillDowns.Count, "test")} of this run: spans and errors</summary>");
        foreach (var e in drillDowns)
        {
            WriteExecution(w, e);
        }

        w.WriteLine("</details></section>");
    }

    private static void WriteExecution(TextWriter w, TestExecution e)
    {
        w.WriteLine($"<details class=\"exec\" id=\"{Id(e)}\"><summary><span class=\"kind {OutcomeClass(e.Outcome)}\">"
            + $"{e.Outcome.ToString().ToLowerInvariant()}</span> <code>{HtmlEncode(e.Name)}</code> {Figures.Ms(e.DurationNanos / 1e6)}"
            + $" · attempt {e.Attempt} · pid {e.ProcessId} · trace <code>{e.TraceIdHex}</code></summary>");
        if (e.Outcome == TestOutcome.Failed)
        {
            w.WriteLine($"<p><b>{HtmlEncode(e.ErrorType ?? "failure")}</b></p><pre>{HtmlEncode(e.ErrorMessage ?? "")}{(e.StackTrace is null ? "" : "\n" + HtmlEncode(e.StackTrace))}</pre>");
        }

        var depths = Depths(e);
        var duration = Math.Max(1, e.DurationNanos);
        foreach (var child in e.Details.OrderBy(d => d.StartNanos))
        {
            var left = Pct(Math.Clamp((child.StartNanos - e.StartNanos) / (double)duration, 0, 1));
            var width = Pct(Math.Clamp((child.EndNanos - child.StartNanos) / (double)duration, 0, 1));
            var note = Note(child);
            w.WriteLine($"<div class=\"span-row\"><span class=\"name\" style=\"padding-left:{depths.GetValueOrDefault(child.SpanId, 1) * 12}px\" "
                + $"title=\"{HtmlEncode(child.Label + note)}\">{HtmlEncode(child.Label)} · {Figures.Ms((child.EndNanos - child.StartNanos) / 1e6)}{HtmlEncode(note)}</span>"
                + $"<span class=\"track\"><i class=\"{(child.IsError ? "err" : "")}\" style=\"left:{left}%;width:{width}%\"></i></span></div>");
        }

        if (e.Details.Count == 0 && e.Children.Count > 0)
        {
            w.WriteLine($"<p>{Quantity.Of(e.Children.Sum(c => c.Count), "child span")} in {Quantity.Of(e.Children.Count, "label")}.</p>");
        }

        w.WriteLine("</details>");
    }

    /// <summary>The status and the error text, once: an HTTP span's error text is often just its status again.</summary>
    internal static string Note(ChildSpanDetail child)
    {
        var status = child.HttpStatusCode > 0 ? child.HttpStatusCode.ToString(CultureInfo.InvariantCulture) : null;
        var error = string.IsNullOrWhiteSpace(child.ErrorText) || (status is not null && child.ErrorText.Contains(status, StringComparison.Ordinal) && child.ErrorText.Length <= status.Length + 24)
            ? null
            : child.ErrorText;
        return (status is null ? "" : $" · status {status}") + (error is null ? "" : $" · {error}");
    }

    /// <summary>Nesting depth of each child under the test span, for the waterfall's indentation.</summary>
    private static Dictionary<ulong, int> Depths(TestExecution e)
    {
        var parents = e.Details.GroupBy(d => d.SpanId).ToDictionary(g => g.Key, g => g.First().ParentSpanId);
        var depths = new Dictionary<ulong, int>();
        foreach (var id in parents.Keys)
        {
            var depth = 1;
            var parent = parents[id];
            while (parent != e.SpanId && parents.TryGetValue(parent, out var next) && depth < 32)
            {
                depth++;
                parent = next;
            }

            depths[id] = depth;
        }

        return depths;
    }

    internal static string Id(TestExecution e) => "e-" + e.TraceIdHex;

    private static string OutcomeClass(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "pass",
        TestOutcome.Failed => "fail",
        TestOutcome.Skipped => "skip",
        _ => "unknown",
    };

    private static string Pct(double fraction) => Math.Round(fraction * 100, 3).ToString(CultureInfo.InvariantCulture);
}
