using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>race</c>: work the test started (a span of its trace that began while the test ran, in the
/// test process or in a service) ends after the test read its result in failing runs, and before
/// it in passing runs: the test checks before the work it started is done. The read is the last
/// span the test awaited after starting the work (<see cref="ReadPoint"/>); where there is none,
/// the test's end. Per child label, "ended after the read" and "ended after the test" (either also
/// when marked <c>flakytrace.span.late</c> by the collector) are each tested with a one-sided
/// Fisher exact test, with at least two failing runs; where the test read the result without a span,
/// the work's end from the test's start is compared too (<see cref="UnreadWorkRace"/>). All three are
/// adjusted for three times the number of labels that began inside the test; the strongest is reported. Both are needed: a span the test awaited
/// early (a cache lookup before a fixed wait) is not the read of the result, and only the test's
/// end then separates. Work that ends after the
/// read in passing runs just as often (a log flush, a background refresh) does not separate
/// anything and is not reported.
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
        foreach (var (label, againstRead) in labels.SelectMany(l => new[] { (l, true), (l, false) }))
        {
            var failing = Lateness(sample.Failing, label, againstRead).ToList();
            var failingLate = failing.Where(l => l.Late).Select(l => l.Nanos).ToList();
            var passing = Lateness(sample.Passing, label, againstRead).ToList();
            var passingLate = passing.Count(l => l.Late);
            if (failingLate.Count < MinimumFailingLate || (double)failingLate.Count / failingRuns <= (double)passingLate / Math.Max(1, passingRuns))
            {
                continue;
            }

            var p = FisherExactTest.GreaterPValue(failingLate.Count, failingRuns - failingLate.Count, passingLate, passingRuns - passingLate);
            var adjusted = Significance.Adjust(p, 3 * labels.Count);
            if (adjusted > options.Alpha)
            {
                continue;
            }

            var lateBy = Quantiles.Median(Quantiles.Sorted(failingLate.Select(n => (double)n)));
            var marginNanos = passing.Where(l => !l.Late).Select(l => (double)-l.Nanos).ToList();
            var margin = marginNanos.Count == 0 ? double.NaN : Quantiles.Median(Quantiles.Sorted(marginNanos));
            var reads = failing.Concat(passing).Count(l => l.AgainstRead);
            var against = reads * 2 >= failing.Count + passing.Count ? "the test's read of the result" : "the test's end";
            hints.Add(new CauseHint(
                CauseKind.Race,
                CauseHint.ScoreOf(adjusted),
                $"{label} ends after {against} in {failingLate.Count}/{failingRuns} failing runs (median {Significance.Milliseconds(lateBy)} ms after) "
                    + $"vs {passingLate}/{passingRuns} passing runs"
                    + (double.IsNaN(margin) ? "" : $" (where it ends a median {Significance.Milliseconds(margin)} ms before)")
                    + $": the test does not wait for work it started; p={Significance.PValueText(adjusted)}",
                [
                    new("span", label),
                    new("measuredAgainst", reads * 2 >= failing.Count + passing.Count ? "read" : "testEnd"),
                    new("executionsWithRead", reads),
                    new("failingRunsLate", failingLate.Count),
                    new("failingRuns", failingRuns),
                    new("passingRunsLate", passingLate),
                    new("passingRuns", passingRuns),
                    new("failingMedianLateMs", Significance.Milliseconds(lateBy)),
                    new("passingMedianMarginMs", double.IsNaN(margin) ? 0 : Significance.Milliseconds(margin)),
                    new("pValue", adjusted),
                ]));
        }

        foreach (var label in labels)
        {
            if (UnreadWorkRace.Detect(sample, label, 3 * labels.Count, options) is { } unread)
            {
                hints.Add(unread);
            }
        }

        // One hint per label: the reference point that separates better.
        return hints.GroupBy(h => h.Evidence[0].Value).Select(g => g.MaxBy(h => h.Score)!)
            .OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
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

    /// <summary>
    /// For each execution that had the label inside the test: whether it ended after the read (or
    /// the test), by how much (negative: before), and whether a read was found to measure against.
    /// </summary>
    internal static IEnumerable<(bool Late, long Nanos, bool AgainstRead)> Lateness(IEnumerable<TestExecution> executions, string label, bool againstRead = true)
    {
        foreach (var execution in executions)
        {
            if (ReadPoint.Of(execution, label) is { } point)
            {
                var by = point.WorkEnd - (againstRead ? point.Read : execution.EndNanos);
                yield return (by > 0 || point.MarkedLate, by, againstRead && point.IsRead);
            }
        }
    }
}
