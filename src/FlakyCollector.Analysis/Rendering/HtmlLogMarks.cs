using System.Globalization;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Model;
using static System.Net.WebUtility;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// The log records of a failing and a passing execution as marks on the side-by-side timeline,
/// one row under the test's own: a tick per record where it was written, coloured by severity, its
/// text on hover. The templates only one side logged are named in the difference column, with the
/// <c>log</c> cause that rests on one of them.
/// </summary>
internal static class HtmlLogMarks
{
    public const string Style =
        ".compare .track .log-mark { position: absolute; top: 1px; width: 3px; height: 14px; background: #8250df; border-radius: 1px; }"
        + " .compare .track .log-mark.warn { background: #bf8700; } .compare .track .log-mark.error { background: #cf222e; }";

    public static void WriteRow(TextWriter w, TestExecution failing, TestExecution passing, long scale, IReadOnlyList<CauseHint> causes)
    {
        if (failing.Logs.Count == 0 && passing.Logs.Count == 0)
        {
            return;
        }

        var failingTemplates = failing.Logs.Select(l => l.Template).ToHashSet(StringComparer.Ordinal);
        var passingTemplates = passing.Logs.Select(l => l.Template).ToHashSet(StringComparer.Ordinal);
        var onlyFailing = failingTemplates.Where(t => !passingTemplates.Contains(t)).ToList();
        var onlyPassing = passingTemplates.Where(t => !failingTemplates.Contains(t)).ToList();
        var evidence = causes.Where(c => c.Kind == CauseKind.Log
            && c.Evidence.FirstOrDefault(f => f.Name == "template")?.Value is string t && (onlyFailing.Contains(t) || onlyPassing.Contains(t))).ToList();
        var diff = string.Concat(onlyFailing.Select(t => $"<b class=\"mark m-log\">log</b> only failing: {HtmlEncode(t)} "))
            + string.Concat(onlyPassing.Select(t => $"<b class=\"mark m-log\">log</b> only passing: {HtmlEncode(t)} "))
            + string.Concat(evidence.Select(c => $"<span class=\"evidence-note\"><span class=\"kind k-log\">log</span> {HtmlEncode(c.Summary)}</span>"));
        w.WriteLine($"<div class=\"cmp-row cmp-logs{(onlyFailing.Count + onlyPassing.Count > 0 ? " d-log" : "")}\" data-label=\"log records\">"
            + $"<span class=\"name\"><i>log records ({failing.Logs.Count} / {passing.Logs.Count})</i></span>{Track(failing, scale)}{Track(passing, scale)}<span class=\"diff\">{diff}</span></div>");
    }

    private static string Track(TestExecution e, long scale)
    {
        var marks = e.Logs.Select(l =>
        {
            var css = l.Severity >= 17 ? "log-mark error" : l.Severity >= 13 ? "log-mark warn" : "log-mark";
            var at = Math.Round(Math.Clamp((l.TimeNanos - e.StartNanos) / (double)scale, 0, 1) * 100, 3).ToString(CultureInfo.InvariantCulture);
            return $"<b class=\"{css}\" style=\"left:{at}%\" title=\"{HtmlEncode(l.Body)}\"></b>";
        });
        return $"<div class=\"track\">{string.Concat(marks)}</div>";
    }
}
