using FlakyCollector.Analysis.Gate;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>The gate's console output: new failures first, each with why; then broken, then known flaky with their cause; then maybe fixed.</summary>
public static class GateConsoleWriter
{
    public static void Write(GateReport report, TextWriter writer)
    {
        var withRuntime = report.Failures.Select(f => f.Runtime).Distinct().Count() > 1;
        writer.WriteLine($"flakytrace gate: {GateText.Headline(report)} ({GateText.Context(report)}).");
        Section(writer, report, FailureClass.New, "NEW FAILURES (fail the build)", f => $"{f.Message}\n      why: {f.Reason}", withRuntime);
        Section(writer, report, FailureClass.Broken, "STILL BROKEN (failed in every recent run)", f => $"{f.Message}\n      {f.Reason}, {GateText.Since(f.SinceMs, f.SinceCommit)}", withRuntime);
        Section(writer, report, FailureClass.Known, "KNOWN FLAKY", f => $"{GateText.Cause(f)}\n      {Known(f)}", withRuntime);
        if (report.MaybeFixed.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"MAYBE FIXED ({report.MaybeFixed.Count}): known flaky, passed in each of their last runs");
            foreach (var test in report.MaybeFixed)
            {
                writer.WriteLine($"  {test.Name}: passed {test.PassedRuns} runs in a row {GateText.Since(test.SinceMs, test.SinceCommit)}".TrimEnd());
            }
        }
    }

    private static string Known(GateFailure failure)
    {
        var evidence = GateText.Evidence(failure);
        var since = GateText.Since(failure.SinceMs, failure.SinceCommit);
        return string.Join("; ", new[] { failure.Reason, evidence, since }.Where(s => s.Length > 0));
    }

    private static void Section(TextWriter writer, GateReport report, FailureClass kind, string title, Func<GateFailure, string> detail, bool withRuntime)
    {
        var failures = report.Of(kind).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"{title} ({failures.Count})");
        foreach (var failure in failures)
        {
            writer.WriteLine($"  {GateText.Name(failure.Name, failure.Runtime, withRuntime)}");
            writer.WriteLine($"      {detail(failure)}");
        }
    }
}
