using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>timing</c>: the test itself, or the time spent in one child span label, is slower in failing
/// runs. Flagged when a rank test says failing runs are slower (adjusted p &lt;= alpha) and the
/// failing median lies above the 95th percentile of passing runs: the slowdown is beyond what
/// passing runs of this very test ever show, whatever their usual spread.
/// </summary>
internal sealed class TimingCauseDetector(AnalysisOptions options) : ICauseDetector
{
    private const string TestItself = "(test)";

    // Sub-millisecond differences are scheduler noise, however consistent.
    private const double MinimumDifferenceNanos = 1e6;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var features = new List<(string Label, List<double> Failing, List<double> Passing)>
        {
            (TestItself, Durations(sample.Failing), Durations(sample.Passing)),
        };
        foreach (var label in sample.Failing.Concat(sample.Passing).SelectMany(e => e.Children).Select(c => c.Label).Distinct())
        {
            var failing = TimeIn(sample.Failing, label);
            var passing = TimeIn(sample.Passing, label);
            if (failing.Count >= 2 && passing.Count >= 2)
            {
                features.Add((label, failing, passing));
            }
        }

        var hints = new List<CauseHint>();
        CauseHint? testHint = null;
        foreach (var (label, failingValues, passingValues) in features)
        {
            var failing = Quantiles.Sorted(failingValues);
            var passing = Quantiles.Sorted(passingValues);
            var comparison = RankComparison.Compare(failing, passing);
            var adjusted = Significance.Adjust(comparison.PValue, features.Count);
            double failingMedian = Quantiles.Median(failing), passingMedian = Quantiles.Median(passing);
            var passingP95 = Quantiles.Of(passing, 0.95);
            if (adjusted > options.Alpha || failingMedian <= passingP95 || failingMedian - passingMedian < MinimumDifferenceNanos)
            {
                continue;
            }

            var ratio = passingMedian > 0 ? failingMedian / passingMedian : double.PositiveInfinity;
            var hint = new CauseHint(
                CauseKind.Timing,
                CauseHint.ScoreOf(adjusted),
                $"{label}: median {Significance.Milliseconds(failingMedian)} ms in failing runs vs {Significance.Milliseconds(passingMedian)} ms in passing runs (x{Math.Round(ratio, 1)}; passing p95 {Significance.Milliseconds(passingP95)} ms; p={Significance.PValueText(adjusted)})",
                [
                    new("span", label),
                    new("failingRuns", failing.Length),
                    new("passingRuns", passing.Length),
                    new("failingMedianMs", Significance.Milliseconds(failingMedian)),
                    new("passingMedianMs", Significance.Milliseconds(passingMedian)),
                    new("passingP95Ms", Significance.Milliseconds(passingP95)),
                    new("ratio", Significance.Rounded(ratio)),
                    new("probabilityFailingSlower", Significance.Rounded(comparison.ProbabilityGreater)),
                    new("pValue", adjusted),
                ]);
            if (label == TestItself)
            {
                testHint = hint;
            }
            else
            {
                hints.Add(hint);
            }
        }

        // A slow child explains a slow test; the test itself is only the hint when no child is.
        if (hints.Count == 0 && testHint is not null)
        {
            hints.Add(testHint);
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }

    private static List<double> Durations(IEnumerable<TestExecution> executions) =>
        executions.Select(e => (double)e.DurationNanos).ToList();

    private static List<double> TimeIn(IEnumerable<TestExecution> executions, string label)
    {
        var values = new List<double>();
        foreach (var execution in executions)
        {
            foreach (var child in execution.ChildSpans)
            {
                if (child.Label == label)
                {
                    values.Add(child.TotalNanos);
                    break;
                }
            }
        }

        return values;
    }
}
