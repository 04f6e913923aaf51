using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>race</c> where the test read the work's result without a span (a field, an in-memory fake):
/// there is no read to measure against, and the test's end lies an unknown time after the read (the
/// failed assertion, its message and stack trace). A test that waits a fixed time reads at a roughly
/// fixed offset from its start, so the work's end measured from the test's start is what separates:
/// later in failing runs than in passing ones (one-sided Mann-Whitney). It is only read this way when
/// the test, in most runs, made no read after starting the work, and when the test ended before the
/// work in at least one failing run and in no passing run: the test did not wait for it, which tells
/// a race from a slow call the test awaited.
/// </summary>
internal static class UnreadWorkRace
{
    public static CauseHint? Detect(FlakySample sample, string label, int family, AnalysisOptions options)
    {
        var failing = Points(sample.Failing, label);
        var passing = Points(sample.Passing, label);
        if (failing.Count < 2 || passing.Count < 2 || failing.Concat(passing).Count(p => p.IsRead) * 2 >= failing.Count + passing.Count)
        {
            return null;
        }

        var outlived = failing.Count(p => p.Outlived);
        if (outlived == 0 || passing.Any(p => p.Outlived))
        {
            return null;
        }

        var failingEnds = failing.Select(p => p.EndFromStart).ToList();
        var passingEnds = passing.Select(p => p.EndFromStart).ToList();
        var comparison = RankComparison.Compare(failingEnds, passingEnds);
        var adjusted = Significance.Adjust(comparison.PValue, family);
        if (adjusted > options.Alpha)
        {
            return null;
        }

        var failingMedian = Quantiles.Median(Quantiles.Sorted(failingEnds));
        var passingMedian = Quantiles.Median(Quantiles.Sorted(passingEnds));
        return new CauseHint(
            CauseKind.Race,
            CauseHint.ScoreOf(adjusted),
            $"{label}, which the test did not read through a span, ends a median {Significance.Milliseconds(failingMedian)} ms after the test's start in failing runs "
                + $"vs {Significance.Milliseconds(passingMedian)} ms in passing runs, and after the test's end in {outlived}/{failing.Count} failing runs, never in passing ones: "
                + $"the test reads before the work it started is done; p={Significance.PValueText(adjusted)}",
            [
                new("span", label),
                new("measuredAgainst", "testStart"),
                new("failingRunsLate", outlived),
                new("failingRuns", sample.Failing.Count),
                new("passingRunsLate", 0),
                new("passingRuns", sample.Passing.Count),
                new("failingMedianEndMs", Significance.Milliseconds(failingMedian)),
                new("passingMedianEndMs", Significance.Milliseconds(passingMedian)),
                new("probabilityLater", Significance.Rounded(comparison.ProbabilityGreater)),
                new("pValue", adjusted),
            ]);
    }

    private static List<(double EndFromStart, bool Outlived, bool IsRead)> Points(IEnumerable<TestExecution> executions, string label)
    {
        var points = new List<(double, bool, bool)>();
        foreach (var execution in executions)
        {
            if (ReadPoint.Of(execution, label) is { } point)
            {
                points.Add((point.WorkEnd - execution.StartNanos, point.MarkedLate || point.WorkEnd > execution.EndNanos, point.IsRead));
            }
        }

        return points;
    }
}
