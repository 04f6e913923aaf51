using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>timing</c>: a call was cancelled or timed out in failing runs while its dependency was only
/// slow (<see cref="CancelledCalls"/>), or the time spent in one child span label, or the test
/// itself, is slower in failing runs. A slowdown is flagged when a rank test says failing runs are
/// slower (adjusted p &lt;= alpha) and the failing median lies above the 95th percentile of passing
/// runs: the slowdown is beyond what passing runs of this very test ever show. The test itself is
/// measured up to the end of its last span, not to its own end: a failure's own cost (building
/// the exception, capturing the stack, a fixture's interval stamped on tests that never ran) makes
/// a failing test span longer without anything having been slow. Only a test without child spans
/// is measured to its end, and such a hint is the weakest evidence (<see cref="Flakiness.CauseOrder"/>).
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
        var cancelled = CancelledCalls.Labels(sample).ToList();
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
        var family = features.Count + cancelled.Count;
        foreach (var label in cancelled)
        {
            if (CancelledCalls.Hint(sample, label, family, options.Alpha) is { } hint)
            {
                hints.Add(hint);
            }
        }

        var explained = hints.Select(h => (string)h.Evidence[0].Value).ToHashSet(StringComparer.Ordinal);
        CauseHint? testHint = null;
        foreach (var (label, failingValues, passingValues) in features)
        {
            if (explained.Contains(label))
            {
                continue;
            }

            var failing = Quantiles.Sorted(failingValues);
            var passing = Quantiles.Sorted(passingValues);
            var comparison = RankComparison.Compare(failing, passing);
            var adjusted = Significance.Adjust(comparison.PValue, family);
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
                var withSpans = sample.Failing.Concat(sample.Passing).Count(e => UntilLastSpan(e) != e.DurationNanos);
                testHint = hint with { Evidence = [.. hint.Evidence, new("measuredTo", withSpans > 0 ? "lastSpan" : "testEnd")] };
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
        executions.Select(e => (double)UntilLastSpan(e)).ToList();

    /// <summary>The test's time up to the end of its last own span inside it; its whole duration when it has none.</summary>
    internal static long UntilLastSpan(TestExecution execution)
    {
        var last = long.MinValue;
        foreach (var span in execution.Spans)
        {
            if (!span.FromFixture && span.StartNanos >= execution.StartNanos && span.EndNanos <= execution.EndNanos)
            {
                last = Math.Max(last, span.EndNanos);
            }
        }

        return last == long.MinValue ? execution.DurationNanos : last - execution.StartNanos;
    }

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
