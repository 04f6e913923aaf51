using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>contention</c>: at the moment the test waited when it failed (<see cref="WaitMoment"/>),
/// more tests ran, more tests held the same resource, or one particular test ran, than at the same
/// moment of passing runs. Three kinds of candidates, all adjusted together (Bonferroni):
/// <list type="bullet">
/// <item>the time-weighted number of other tests in the window, by a rank test, flagged when
/// significant and the failing median exceeds the passing upper quartile;</item>
/// <item>per span label of this test (a pool, a lock, a port: the resource as its spans name it),
/// the number of other tests with a span of that label open in the window (the holders), by the
/// same rule, naming the tests that held it;</item>
/// <item>a particular other test in the window, by a one-sided Fisher exact test, with at least
/// two failing runs; when both it and the concurrency are flagged, each is tested without the
/// other and whichever does not survive is explained by the other.</item>
/// </list>
/// When failing runs show a wait span, the window is that span; the whole test (cut to the passing
/// median duration) is tried as well, and the family doubles for it. A failing test's company
/// leaves out the tests that failed in the same run with the same failure: one event (a fixture
/// that failed, stamping one interval on all its tests) is not tests keeping each other busy.
/// </summary>
internal sealed class ContentionCauseDetector(RunConcurrency concurrency, AnalysisOptions options) : ICauseDetector
{
    private const int MinimumFailingOverlaps = 2;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<TestExecution, string> _shapes = new();

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var wait = WaitMoment.Label(sample.Failing, sample.Passing);
        var typical = WaitMoment.TypicalDuration(sample.Passing);
        var resources = sample.Failing.Concat(sample.Passing).SelectMany(e => e.Spans).Where(s => !s.FromFixture).Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
        var modes = wait is null ? new string?[] { null } : [wait, null];
        var hints = new List<CauseHint>();
        foreach (var mode in modes)
        {
            var failing = Windows(sample.Failing, mode, typical, resources);
            var passing = Windows(sample.Passing, mode, typical, resources);
            if (failing.Count < MinimumFailingOverlaps || passing.Count < MinimumFailingOverlaps)
            {
                continue;
            }

            hints.AddRange(Evaluate(failing, passing, mode, modes.Length));
            if (hints.Count > 0)
            {
                break;
            }
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }

    private List<CauseHint> Evaluate(List<Surroundings> failing, List<Surroundings> passing, string? wait, int modes)
    {
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

        var held = failing.Concat(passing).SelectMany(s => s.HeldLabels).Distinct(StringComparer.Ordinal).ToList();
        var family = (counts.Count + 1 + held.Count) * modes;
        var where = wait is null ? "while it ran" : $"at the moment of its wait ({wait})";
        var particular = counts
            .Where(c => c.Value.Failing >= MinimumFailingOverlaps)
            .Select(c => (Other: c.Key, Test: (FailingWith: c.Value.Failing, PassingWith: c.Value.Passing,
                P: FisherExactTest.GreaterPValue(c.Value.Failing, failing.Count - c.Value.Failing, c.Value.Passing, passing.Count - c.Value.Passing))))
            .Where(x => Significant(x.Test.P, family))
            .OrderBy(x => x.Test.P)
            .ToList();
        var strongest = particular.Count > 0 ? particular[0].Other : null;
        var busy = ConcurrencyHint(failing, passing, family, without: null, where, wait);
        if (busy is not null && strongest is not null && ConcurrencyHint(failing, passing, family, without: strongest, where, wait) is null)
        {
            busy = null;
        }

        var hints = new List<CauseHint>();
        hints.AddRange(held.Select(label => HolderHint(label, failing, passing, family, where, wait)).OfType<CauseHint>());
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
                $"{other} ran {where} in {test.FailingWith}/{failing.Count} failing runs vs {test.PassingWith}/{passing.Count} passing runs; p={Significance.PValueText(adjusted)}",
                [
                    new("otherTest", other),
                    new("measuredAt", wait ?? "test"),
                    new("failingRunsOverlapping", test.FailingWith),
                    new("failingRuns", failing.Count),
                    new("passingRunsOverlapping", test.PassingWith),
                    new("passingRuns", passing.Count),
                    new("pValue", adjusted),
                ]));
        }

        return hints;
    }

    private bool Significant(double p, int family) => Significance.Adjust(p, family) <= options.Alpha;

    private CauseHint? HolderHint(string label, List<Surroundings> failingRuns, List<Surroundings> passingRuns, int family, string where, string? wait)
    {
        var failing = Quantiles.Sorted(failingRuns.Select(s => (double)s.Holders(label).Count));
        var passing = Quantiles.Sorted(passingRuns.Select(s => (double)s.Holders(label).Count));
        var comparison = RankComparison.Compare(failing, passing);
        var adjusted = Significance.Adjust(comparison.PValue, family);
        double failingMedian = Quantiles.Median(failing), passingMedian = Quantiles.Median(passing), passingP75 = Quantiles.Of(passing, 0.75);
        if (adjusted > options.Alpha || !(failingMedian > passingP75))
        {
            return null;
        }

        var holders = failingRuns.SelectMany(s => s.Holders(label)).GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        return new CauseHint(
            CauseKind.Contention,
            CauseHint.ScoreOf(adjusted),
            $"{where}, a median {failingMedian} other tests held {label} in failing runs vs {passingMedian} in passing runs (passing upper quartile {passingP75}); "
                + $"held by {string.Join(", ", holders.Take(5))}{(holders.Count > 5 ? $" and {holders.Count - 5} more" : "")}; p={Significance.PValueText(adjusted)}",
            [
                new("span", label),
                new("measuredAt", wait ?? "test"),
                new("failingMedianHolders", failingMedian),
                new("passingMedianHolders", passingMedian),
                new("passingP75Holders", passingP75),
                new("holders", holders),
                new("failingRuns", failing.Length),
                new("passingRuns", passing.Length),
                new("pValue", adjusted),
            ]);
    }

    private (CauseHint Hint, double Threshold)? ConcurrencyHint(List<Surroundings> failingRuns, List<Surroundings> passingRuns, int family, string? without, string where, string? wait)
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
            $"{where}, {failingMedian} other tests ran on average (median) in failing runs vs {passingMedian} in passing runs (passing upper quartile {Math.Round(passingP75, 2)}); p={Significance.PValueText(adjusted)}",
            [
                new("failingMedianConcurrency", failingMedian),
                new("measuredAt", wait ?? "test"),
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

    private List<Surroundings> Windows(IReadOnlyList<TestExecution> executions, string? wait, long typical, HashSet<string> resources)
    {
        var windows = new List<Surroundings>();
        foreach (var execution in executions)
        {
            if (WaitMoment.Window(execution, wait, typical) is { } window)
            {
                windows.Add(Around(execution, window.Start, window.End, resources));
            }
        }

        return windows;
    }

    private bool SameFailure(TestExecution execution, TestExecution other) =>
        execution.Outcome == TestOutcome.Failed && other.Outcome == TestOutcome.Failed && Shape(execution) == Shape(other);

    private string Shape(TestExecution execution) =>
        _shapes.GetOrAdd(execution, e => FailureShape.Of(FailureHeadlines.Headline(e.ErrorType, e.ErrorMessage)));

    private Surroundings Around(TestExecution execution, long start, long end, HashSet<string> resources)
    {
        var overlaps = new Dictionary<string, long>(StringComparer.Ordinal);
        var holders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var other in concurrency.Overlapping(execution))
        {
            if (other.Name == execution.Name || other.EndNanos < start || other.StartNanos > end || SameFailure(execution, other))
            {
                continue;
            }

            // A window of a few microseconds (a wait that did not wait) still counts who was there.
            overlaps[other.Name] = overlaps.GetValueOrDefault(other.Name) + Math.Max(1, Math.Min(other.EndNanos, end) - Math.Max(other.StartNanos, start));
            foreach (var span in other.Spans)
            {
                if (!span.FromFixture && span.StartNanos <= end && span.EndNanos >= start && resources.Contains(span.Label))
                {
                    (holders.TryGetValue(span.Label, out var set) ? set : holders[span.Label] = new HashSet<string>(StringComparer.Ordinal)).Add(other.Name);
                }
            }
        }

        return new Surroundings(overlaps, Math.Max(1, end - start), holders);
    }
}
