using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>The default output: a readable plain-text report for a terminal or a CI log.</summary>
public static class ConsoleReportWriter
{
    public static void Write(FlakinessReport report, TextWriter writer, bool allTests = false)
    {
        writer.WriteLine($"flakytrace: {Figures.Headline(report)}");
        var flaky = report.FlakyTests.ToList();
        writer.WriteLine(flaky.Count == 0 ? "No flaky tests found." : $"{Quantity.Of(flaky.Count, "flaky test")}, by runs disrupted:");
        writer.WriteLine();
        if (flaky.Count > 0)
        {
            // Clusters first: several failing tests that are one problem.
            var ranked = report.Clusters.SelectMany(c => c.Tests).Concat(report.FlakyAlone).ToList();
            WriteClusters(writer, report, ranked);
            var alone = report.FlakyAlone.ToList();
            if (report.Clusters.Count > 0 && alone.Count > 0)
            {
                writer.WriteLine($"Tests that fail alone: {alone.Count}");
            }

            if (alone.Count > 0)
            {
                var table = new TextTable("#", "Test", "Runs", "Failed runs", "Failure rate", "Likely cause").AlignRight(0, 2, 3, 4);
                foreach (var test in alone)
                {
                    table.Add(Rank(ranked, test), ClusterText.Name(report, test), Figures.Count(test.Runs), Figures.Count(test.FailedRuns), Figures.Percent(test.FailureRate), Figures.CauseKindName(test.Causes[0].Kind));
                }

                table.WriteTo(writer);
            }

            foreach (var test in ranked)
            {
                writer.WriteLine();
                WriteDetails(writer, report, Rank(ranked, test), test);
            }
        }

        var failing = report.Tests.Where(t => !t.Flaky && t.Failed > 0).ToList();
        if (failing.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"Failing but not flaky (failed on every execution of a commit, or on one runtime only): {failing.Count}");
            foreach (var test in failing)
            {
                writer.WriteLine($"  {ClusterText.Name(report, test)}  failed {test.Failed}/{test.Executions}  {ClusterText.FailingNote(report, test)}");
            }
        }

        if (allTests)
        {
            writer.WriteLine();
            var table = new TextTable("Test", "Executions", "Passed", "Failed", "Failure rate", "Flaky").AlignRight(1, 2, 3, 4);
            foreach (var test in report.Tests)
            {
                table.Add(ClusterText.Name(report, test), Figures.Count(test.Executions), Figures.Count(test.Passed), Figures.Count(test.Failed), Figures.Percent(test.FailureRate), test.Flaky ? "yes" : "no");
            }

            table.WriteTo(writer);
        }
    }

    private static void WriteClusters(TextWriter writer, FlakinessReport report, List<TestSummary> ranked)
    {
        if (report.Clusters.Count == 0)
        {
            return;
        }

        writer.WriteLine($"Tests that fail together: {Quantity.Of(report.Clusters.Count, "cluster")}");
        for (var i = 0; i < report.Clusters.Count; i++)
        {
            var cluster = report.Clusters[i];
            writer.WriteLine($"  cluster {i + 1}: {ClusterText.Headline(cluster)}");
            foreach (var cause in cluster.Causes)
            {
                writer.WriteLine($"    cause: {ClusterText.Cause(cause)}");
            }

            foreach (var test in cluster.Tests)
            {
                writer.WriteLine($"    {Rank(ranked, test)}. {ClusterText.Name(report, test)}  failed in {Figures.Count(test.FailedRuns)} of {Quantity.Of(test.Runs, "run")}");
            }
        }

        writer.WriteLine();
    }

    private static string Rank(List<TestSummary> ranked, TestSummary test) =>
        (ranked.FindIndex(t => ReferenceEquals(t, test)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteDetails(TextWriter writer, FlakinessReport report, string rank, TestSummary test)
    {
        writer.WriteLine($"{rank}. {ClusterText.Name(report, test)}");
        writer.WriteLine($"   failed {test.Failed} of {Quantity.Of(test.Passed + test.Failed, "execution")}, in {test.FailedRuns} of {Quantity.Of(test.Runs, "run")}");
        if (test.PassedOnRetry > 0)
        {
            writer.WriteLine($"   passed on a retry {Quantity.Of(test.PassedOnRetry, "time")}: the retry hid a failure");
        }
        if (test.TopError is not null)
        {
            writer.WriteLine($"   most common failure ({test.TopErrorCount}x): {test.TopError}");
        }

        var passing = test.PassingProfile!;
        var failing = test.FailingProfile!;
        writer.WriteLine($"   passing runs: {passing.Executions}, failing runs: {failing.Executions}");
        var table = new TextTable("span", "pass seen", "median", "errors", "codes", "fail seen", "median", "errors", "codes").AlignRight(1, 2, 3, 5, 6, 7);
        table.Add("(test duration)", "", Figures.Ms(passing.MedianMs), "", "", "", Figures.Ms(failing.MedianMs), "", "");
        table.Add("(test duration p95)", "", Figures.Ms(passing.P95Ms), "", "", "", Figures.Ms(failing.P95Ms), "", "");
        foreach (var (label, pass, fail) in Figures.SideBySide(test))
        {
            table.Add(label, Seen(pass), Median(pass), Errors(pass), Codes(pass), Seen(fail), Median(fail), Errors(fail), Codes(fail));
        }

        table.WriteTo(writer, "   ");
        writer.WriteLine("   causes:");
        foreach (var cause in test.Causes)
        {
            writer.WriteLine($"   - {Figures.CauseKindName(cause.Kind)}: {cause.Summary}");
        }

        if (report.ReproOf(test) is { } repro)
        {
            writer.WriteLine($"   {ReproText.Line(repro)}");
        }
    }

    private static string Seen(LabelProfile? profile) => profile is null ? "-" : Figures.Percent(profile.Appearance);

    private static string Median(LabelProfile? profile) => profile is null || profile.Runs == 0 ? "-" : Figures.Ms(profile.MedianMs);

    private static string Errors(LabelProfile? profile) => profile is null ? "-" : Figures.Count(profile.Errors);

    private static string Codes(LabelProfile? profile) => profile is null ? "-" : Figures.Codes(profile.StatusCodes);
}
