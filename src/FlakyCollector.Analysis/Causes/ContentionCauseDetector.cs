using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>contention</c>: failing runs ran alongside more tests, or alongside one particular test,
/// than passing runs. The time-weighted concurrency is compared with a rank test and flagged when
/// significant and the failing median exceeds the upper quartile of passing runs. A particular
/// test is flagged by a one-sided Fisher exact test on "overlapped it or not" (at least two
/// failing runs overlapping it). When both are flagged, each is tested without the other: the
/// concurrency is recomputed leaving the particular test out, and the particular test must still
/// separate failing from passing runs among the busy executions; whichever does not survive is
/// explained by the other. All tests are adjusted for all candidates.
/// </summary>
internal sealed class ContentionCauseDetector(RunConcurrency concurrency, AnalysisOptions options) : ICauseDetector
{
    private const int MinimumFailingOverlaps = 2;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var failing = sample.Failing.Select(Around).ToList();
        var passing = sample.Passing.Select(Around).ToList();
        // One pass to count overlaps per other test; exact tests only for those that could pass.
        var counts = new Dictionary<string, (int Failing, int Passing)>(StringComparer.Ordinal);
        foreach (var (runs, failed) in new[] { (failing, true), (passing, false) })
        {
            foreach (var other in runs.SelectMany(s => s.Tests))
            {
                var (f, p) = counts.GetValueOrDefault(other);
                counts[other] = failed ? (f + 1, p) : (f, p + 1);
            }
        }

        var family = counts.Count + 1;
        var particular = counts
            .Where(c => c.Value.Failing >= MinimumFailingOverlaps)
            .Select(c => (Other: c.Key, Test: (FailingWith: c.Value.Failing, PassingWith: c.Value.Passing,
                P: FisherExactTest.GreaterPValue(c.Value.Failing, failing.Count - c.Value.Failing, c.Value.Passing, passing.Count - c.Value.Passing))))
            .Where(x => Significant(x.Test.P, family))
            .OrderBy(x => x.Test.P)
            .ToList();
        var strongest = particular.Count > 0 ? particular[0].Other : null;
        var busy = ConcurrencyHint(failing, passing, family, without: null);
        if (busy is not null && strongest is not null && ConcurrencyHint(failing, passing, family, without: strongest) is null)
        {
            busy = null;
        }

        var hints = new List<CauseHint>();
        if (busy is not null)
        {
            hints.Add(busy.Value.Hint);
        }

        foreach (var (other, test) in particular)
        {
            var (f, p) = busy is { } b
                ? (failing.Where(s => s.Concurrency > b.Threshold).ToList(), passing.Where(s => s.Concurrency > b.Threshold).ToList())
                : other == strongest ? (failing, passing)
                : (failing.Where(s => !s.Overlapped(strongest!)).ToList(), passing.Where(s => !s.Overlapped(strongest!)).ToList());
            var residual = Overlap(other, f, p);
            if (residual.FailingWith < MinimumFailingOverlaps || !Significant(residual.P, family))
            {
                continue;
            }

            var adjusted = Significance.Adjust(test.P, family);
            hints.Add(new CauseHint(
                CauseKind.Contention,
                CauseHint.ScoreOf(adjusted),
                $"overlapped {other} in {test.FailingWith}/{failing.Count} failing runs vs {test.PassingWith}/{passing.Count} passing runs; p={Significance.PValueText(adjusted)}",
                [
                    new("otherTest", other),
                    new("failingRunsOverlapping", test.FailingWith),
                    new("failingRuns", failing.Count),
                    new("passingRunsOverlapping", test.PassingWith),
                    new("passingRuns", passing.Count),
                    new("pValue", adjusted),
                ]));
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }

    private bool Significant(double p, int family) => Significance.Adjust(p, family) <= options.Alpha;

    private (CauseHint Hint, double Threshold)? ConcurrencyHint(List<Surroundings> failingRuns, List<Surroundings> passingRuns, int family, string? without)
    {
        var failing = Quantiles.Sorted(failingRuns.Select(s => s.ConcurrencyWithout(without)));
        var passing = Quantiles.Sorted(passingRuns.Select(s => s.ConcurrencyWithout(without)));
        var comparison = RankComparison.Compare(failing, passing);
        var adjusted = Significance.Adjust(comparison.PValue, family);
        double failingMedian = Math.Round(Quantiles.Median(failing), 2), passingMedian = Math.Round(Quantiles.Median(passing), 2);
        var passingP75 = Quantiles.Of(passing, 0.75);
        if (adjusted > options.Alpha || !(failingMedian > passingP75))
        {
            return null;
        }

        var hint = new CauseHint(
            CauseKind.Contention,
            CauseHint.ScoreOf(adjusted),
            $"ran alongside {failingMedian} other tests on average (median) in failing runs vs {passingMedian} in passing runs (passing upper quartile {Math.Round(passingP75, 2)}); p={Significance.PValueText(adjusted)}",
            [
                new("failingMedianConcurrency", failingMedian),
                new("passingMedianConcurrency", passingMedian),
                new("passingP75Concurrency", Math.Round(passingP75, 2)),
                new("probabilityMoreConcurrent", Significance.Rounded(comparison.ProbabilityGreater)),
                new("failingRuns", failing.Length),
                new("passingRuns", passing.Length),
                new("pValue", adjusted),
            ]);
        return (hint, passingP75);
    }

    private static (int FailingWith, int PassingWith, double P) Overlap(string other, List<Surroundings> failing, List<Surroundings> passing)
    {
        var failingWith = failing.Count(s => s.Overlapped(other));
        var passingWith = passing.Count(s => s.Overlapped(other));
        return (failingWith, passingWith, FisherExactTest.GreaterPValue(failingWith, failing.Count - failingWith, passingWith, passing.Count - passingWith));
    }

    private Surroundings Around(TestExecution execution)
    {
        var overlaps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var other in concurrency.Overlapping(execution))
        {
            if (other.Name != execution.Name)
            {
                var overlap = Math.Min(other.EndNanos, execution.EndNanos) - Math.Max(other.StartNanos, execution.StartNanos);
                overlaps[other.Name] = overlaps.GetValueOrDefault(other.Name) + overlap;
            }
        }

        return new Surroundings(overlaps, execution.DurationNanos);
    }
}
