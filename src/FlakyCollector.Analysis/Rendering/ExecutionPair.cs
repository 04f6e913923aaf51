using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// Picks the failing and the passing execution a flaky test is shown with: a failing run that
/// shows its first cause (the late span late, the failing call failing, the slow span at its
/// slowest), and a typical passing run (duration nearest the passing median) that has that span too.
/// </summary>
internal static class ExecutionPair
{
    public static (TestExecution Failing, TestExecution Passing)? Pick(TestSummary test)
    {
        var failing = test.FailingSample.Where(e => e.Details.Count > 0 || e.Children.Count == 0).ToList();
        var passing = test.PassingSample.Where(e => e.Details.Count > 0 || e.Children.Count == 0).ToList();
        if (failing.Count == 0 || passing.Count == 0)
        {
            return null;
        }

        var cause = test.Causes.Count > 0 ? test.Causes[0] : null;
        var label = cause?.Evidence.FirstOrDefault(f => f.Name == "span")?.Value as string;
        if (cause?.Kind == CauseKind.Log && cause.Evidence.FirstOrDefault(f => f.Name == "template")?.Value is string template)
        {
            // A log cause: the pair that shows the line on one side and not on the other.
            var inFailing = cause.Evidence.FirstOrDefault(f => f.Name == "inFailingRuns")?.Value is true;
            failing = [.. failing.OrderByDescending(e => e.LogTemplates.Contains(template) == inFailing)];
            passing = [.. passing.OrderByDescending(e => e.LogTemplates.Contains(template) != inFailing)];
            return (failing[0], passing[0]);
        }

        var bestFailing = failing.OrderByDescending(e => Shows(e, cause?.Kind, label)).ThenByDescending(e => e.StartNanos).First();
        var median = passing.Select(e => e.DurationNanos).Order().ElementAt(passing.Count / 2);
        var failingLabels = bestFailing.Children.Select(c => c.Label).ToHashSet(StringComparer.Ordinal);
        var bestPassing = passing
            .OrderByDescending(e => label is null || e.Children.Any(c => c.Label == label))
            // The same kinds of work on both sides, so what differs stands out rather than noise.
            .ThenBy(e => e.Children.Count(c => !failingLabels.Contains(c.Label)) + failingLabels.Count(l => !e.Children.Any(c => c.Label == l)))
            .ThenBy(e => Math.Abs(e.DurationNanos - median))
            .First();
        return (bestFailing, bestPassing);
    }

    private static double Shows(TestExecution e, CauseKind? kind, string? label)
    {
        if (label is null)
        {
            return 0;
        }

        foreach (var child in e.Children)
        {
            if (child.Label == label)
            {
                return kind switch
                {
                    CauseKind.Race => child.LastEndNanos > e.EndNanos || child.LateSpans > 0 ? 2 : 1,
                    CauseKind.External => child.HasProblem ? 2 : 1,
                    // The most typical slow one, not the most extreme: closeness to 2x is not needed, slower is enough.
                    CauseKind.Timing => 1 + Math.Min(1, child.TotalNanos / 1e9),
                    _ => 1,
                };
            }
        }

        return 0;
    }
}
