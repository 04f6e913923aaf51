using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>external</c>: a dependency failed (see <see cref="DependencyFailures"/>: a 5xx answer, a
/// refused or reset connection, a span of another service that says it failed) in a larger share
/// of failing runs than of passing runs. Flagged when a one-sided Fisher exact test, adjusted for
/// the number of labels that ever showed such a failure, is significant and at least two failing
/// runs show it (one occurrence is an anecdote). A timeout or cancellation is not external (the
/// dependency was slow: <c>timing</c>), nor is a 4xx answer or anything the app under test
/// answered in the test's own process: those are symptoms.
/// </summary>
internal sealed class ExternalCauseDetector(AnalysisOptions options) : ICauseDetector
{
    private const int MinimumFailingWithProblem = 2;

    /// <summary>A failed setup's dependency failure is the cause of its tests' failures.</summary>
    public bool ReadsTheTestBody => false;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var problems = sample.Failing.Concat(sample.Passing).ToDictionary(e => e, DependencyFailures.Labels);
        var labels = problems.Values.SelectMany(l => l).Distinct().ToList();
        int failingRuns = sample.Failing.Count, passingRuns = sample.Passing.Count;
        var hints = new List<CauseHint>();
        var explained = new List<HashSet<TestExecution>>();
        // HTTP client labels first: a failing call also shows as the server span it caused, and
        // the client side names the dependency the test depends on.
        foreach (var label in labels.OrderByDescending(l => IsHttpClient(sample, l)))
        {
            var failingWith = sample.Failing.Count(e => problems[e].Contains(label));
            var passingWith = sample.Passing.Count(e => problems[e].Contains(label));
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
            var affected = sample.Failing.Concat(sample.Passing).Where(e => problems[e].Contains(label)).ToHashSet();
            if (explained.Any(set => set.SetEquals(affected)))
            {
                continue;
            }

            explained.Add(affected);
            var codes = StatusCodes(sample.Failing, label);
            var errorType = sample.Failing.SelectMany(e => e.Children).FirstOrDefault(c => c.Label == label && c.ErrorType is not null).ErrorType;
            var fromFixture = sample.Failing.Count(e => e.Spans.Any(s => s.Label == label && s.FromFixture && DependencyFailures.IsDependencyFailure(e, s)));
            var fromFailureText = !sample.Failing.Any(e => e.Spans.Any(s => s.Label == label));
            hints.Add(new CauseHint(
                CauseKind.External,
                CauseHint.ScoreOf(adjusted),
                $"{label}{(fromFixture > 0 ? " (a fixture's setup)" : "")}: failed (5xx, refused or an error) in {failingWith}/{failingRuns} failing runs vs {passingWith}/{passingRuns} passing runs"
                    + (codes.Count > 0 ? $" (status {string.Join(", ", codes.Select(c => $"{c.Key} x{c.Value}"))})" : "")
                    + $"; p={Significance.PValueText(adjusted)}",
                [
                    new("span", label),
                    new("failingRunsWithProblem", failingWith),
                    new("failingRuns", failingRuns),
                    new("passingRunsWithProblem", passingWith),
                    new("passingRuns", passingRuns),
                    new("failingStatusCodes", codes.ToDictionary(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Value)),
                    new("failingRunsFromFixture", fromFixture),
                    new("source", fromFailureText ? "failure text" : "spans"),
                    new("errorType", errorType ?? ""),
                    new("pValue", adjusted),
                ]));
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }

    private static bool IsHttpClient(FlakySample sample, string label) =>
        sample.Failing.SelectMany(e => e.Children).Any(c => c.Label == label && c.IsHttpClient);

    private static List<KeyValuePair<int, int>> StatusCodes(IEnumerable<TestExecution> executions, string label) =>
        executions.SelectMany(e => e.Children)
            .Where(c => c.Label == label && c.HttpStatusCode >= 500)
            .GroupBy(c => c.HttpStatusCode)
            .Select(g => new KeyValuePair<int, int>(g.Key, g.Count()))
            .OrderByDescending(kv => kv.Value)
            .ToList();
}
