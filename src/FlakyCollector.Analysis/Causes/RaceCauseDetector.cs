using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>race</c>: work the test started (a span of its trace that began while the test ran, in the
/// test process or in a service) is still running when the test's own span ends, in failing runs,
/// and has finished by then in passing runs: the test checks before the work it started is done.
/// Per child label, "ended after the test" (its latest end is past the test span's end, or the
/// collector marked it <c>flakytrace.span.late</c>) is tested with a one-sided Fisher exact test,
/// adjusted for the number of labels that began inside the test, with at least two failing runs.
/// Work that outlives its test in passing runs just as often (a log flush, a background refresh)
/// does not separate anything and is not reported.
/// </summary>
internal sealed class RaceCauseDetector(AnalysisOptions options) : ICauseDetector
{
    private const int MinimumFailingLate = 2;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var labels = sample.Failing.Concat(sample.Passing)
            .SelectMany(e => StartedInside(e).Select(c => c.Label))
            .Distinct()
            .ToList();
        int failingRuns = sample.Failing.Count, passingRuns = sample.Passing.Count;
        var hints = new List<CauseHint>();
        foreach (var label in labels)
        {
            var failingLate = Lateness(sample.Failing, label).Where(l => l.Late).Select(l => l.Nanos).ToList();
            var passing = Lateness(sample.Passing, label).ToList();
            var passingLate = passing.Count(l => l.Late);
            if (failingLate.Count < MinimumFailingLate || (double)failingLate.Count / failingRuns <= (double)passingLate / Math.Max(1, passingRuns))
            {
                continue;
            }

            var p = FisherExactTest.GreaterPValue(failingLate.Count, failingRuns - failingLate.Count, passingLate, passingRuns - passingLate);
            var adjusted = Significance.Adjust(p, labels.Count);
            if (adjusted > options.Alpha)
            {
                continue;
            }

            var lateBy = Quantiles.Median(Quantiles.Sorted(failingLate.Select(n => (double)n)));
            var marginNanos = passing.Where(l => !l.Late).Select(l => (double)-l.Nanos).ToList();
            var margin = marginNanos.Count == 0 ? double.NaN : Quantiles.Median(Quantiles.Sorted(marginNanos));
            hints.Add(new CauseHint(
                CauseKind.Race,
                CauseHint.ScoreOf(adjusted),
                $"{label} is still running when the test ends in {failingLate.Count}/{failingRuns} failing runs (median {Significance.Milliseconds(lateBy)} ms after the test's end) "
                    + $"vs {passingLate}/{passingRuns} passing runs"
                    + (double.IsNaN(margin) ? "" : $" (where it ends a median {Significance.Milliseconds(margin)} ms before)")
                    + $": the test does not wait for work it started; p={Significance.PValueText(adjusted)}",
                [
                    new("span", label),
                    new("failingRunsLate", failingLate.Count),
                    new("failingRuns", failingRuns),
                    new("passingRunsLate", passingLate),
                    new("passingRuns", passingRuns),
                    new("failingMedianLateMs", Significance.Milliseconds(lateBy)),
                    new("passingMedianMarginMs", double.IsNaN(margin) ? 0 : Significance.Milliseconds(margin)),
                    new("pValue", adjusted),
                ]));
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }

    /// <summary>Labels whose first span began while the test ran: work the test (or a service it called) started.</summary>
    internal static IEnumerable<ChildSpanStats> StartedInside(TestExecution execution)
    {
        foreach (var child in execution.Children)
        {
            if (child.FirstStartNanos >= execution.StartNanos && child.FirstStartNanos <= execution.EndNanos)
            {
                yield return child;
            }
        }
    }

    /// <summary>For each execution that had the label inside the test: whether it outlived the test, and by how much (negative: ended before).</summary>
    internal static IEnumerable<(bool Late, long Nanos)> Lateness(IEnumerable<TestExecution> executions, string label)
    {
        foreach (var execution in executions)
        {
            foreach (var child in StartedInside(execution))
            {
                if (child.Label == label)
                {
                    var by = child.LastEndNanos - execution.EndNanos;
                    yield return (by > 0 || child.LateSpans > 0, by);
                    break;
                }
            }
        }
    }
}
