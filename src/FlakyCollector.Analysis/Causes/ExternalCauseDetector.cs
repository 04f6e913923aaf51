using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>external</c>: a child span label (an HTTP call or any dependency) has an error, a 5xx or a
/// timeout in a larger share of failing runs than of passing runs. Flagged when a one-sided
/// Fisher exact test, adjusted for the number of labels that ever had a problem, is significant
/// and at least two failing runs show the problem (one occurrence is an anecdote).
/// </summary>
internal sealed class ExternalCauseDetector(AnalysisOptions options) : ICauseDetector
{
    private const int MinimumFailingWithProblem = 2;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var labels = sample.Failing.Concat(sample.Passing)
            .SelectMany(e => e.Children)
            .Where(c => c.HasProblem)
            .Select(c => c.Label)
            .Distinct()
            .ToList();
        int failingRuns = sample.Failing.Count, passingRuns = sample.Passing.Count;
        var hints = new List<CauseHint>();
        var explained = new List<HashSet<TestExecution>>();
        // HTTP client labels first: a failing call also shows as the server span it caused, and
        // the client side names the dependency the test depends on.
        foreach (var label in labels.OrderByDescending(l => IsHttpClient(sample, l)))
        {
            var failingWith = sample.Failing.Count(e => HasProblem(e, label));
            var passingWith = sample.Passing.Count(e => HasProblem(e, label));
            if (failingWith < MinimumFailingWithProblem || (double)failingWith / failingRuns <= (double)passingWith / Math.Max(1, passingRuns))
            {
                continue;
            }

            var p = FisherExactTest.GreaterPValue(failingWith, failingRuns - failingWith, passingWith, passingRuns - passingWith);
            var adjusted = Significance.Adjust(p, labels.Count);
            if (adjusted > options.Alpha)
            {
                continue;
            }

            // The same incident seen at two levels (client span, server span) is reported once.
            var affected = sample.Failing.Concat(sample.Passing).Where(e => HasProblem(e, label)).ToHashSet();
            if (explained.Any(set => set.SetEquals(affected)))
            {
                continue;
            }

            explained.Add(affected);
            var codes = StatusCodes(sample.Failing, label);
            var errorType = sample.Failing.SelectMany(e => e.Children).FirstOrDefault(c => c.Label == label && c.ErrorType is not null).ErrorType;
            var timeouts = sample.Failing.Count(e => e.Children.Any(c => c.Label == label && c.Timeouts > 0));
            hints.Add(new CauseHint(
                CauseKind.External,
                CauseHint.ScoreOf(adjusted),
                $"{label}: error/5xx/timeout in {failingWith}/{failingRuns} failing runs vs {passingWith}/{passingRuns} passing runs"
                    + (codes.Count > 0 ? $" (status {string.Join(", ", codes.Select(c => $"{c.Key} x{c.Value}"))})" : "")
                    + $"; p={Significance.PValueText(adjusted)}",
                [
                    new("span", label),
                    new("failingRunsWithProblem", failingWith),
                    new("failingRuns", failingRuns),
                    new("passingRunsWithProblem", passingWith),
                    new("passingRuns", passingRuns),
                    new("failingStatusCodes", codes.ToDictionary(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Value)),
                    new("failingRunsWithTimeout", timeouts),
                    new("errorType", errorType ?? ""),
                    new("pValue", adjusted),
                ]));
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }

    private static bool IsHttpClient(FlakySample sample, string label) =>
        sample.Failing.SelectMany(e => e.Children).Any(c => c.Label == label && c.IsHttpClient);

    private static bool HasProblem(TestExecution execution, string label)
    {
        foreach (var child in execution.ChildSpans)
        {
            if (child.Label == label)
            {
                return child.HasProblem;
            }
        }

        return false;
    }

    private static List<KeyValuePair<int, int>> StatusCodes(IEnumerable<TestExecution> executions, string label) =>
        executions.SelectMany(e => e.Children)
            .Where(c => c.Label == label && c.HttpStatusCode >= 400)
            .GroupBy(c => c.HttpStatusCode)
            .Select(g => new KeyValuePair<int, int>(g.Key, g.Count()))
            .OrderByDescending(kv => kv.Value)
            .ToList();
}
