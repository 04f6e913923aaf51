using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>order</c>: the test fails when a particular other test ran before it in the same test
/// process, and passes otherwise. Each test that ever ran before it is a candidate, three times:
/// "ran earlier", "ran immediately before", and "had started before it" (earlier, or still
/// running when it started: a parallel class that changes shared state under it). All three are
/// read at the test's start, so a failing run's longer duration cannot make a test look earlier.
/// A fourth, per span of a test running alongside: that span had ended before the test's read
/// (<see cref="ChangesBeforeRead"/>), for a parallel test whose change lands mid-test. A candidate is flagged when failures are more likely
/// with it than without it by a one-sided Fisher exact test adjusted for all candidates, with at
/// least two failures in its presence. The adjustment counts the other tests, not every (test,
/// relation, span) triple: one test's relations are nested ("immediately before" within "before",
/// that within "had started before"; a span that ended before the read is part of the test having
/// ended before it), so they ask one question about that test. Counting them all would demand of
/// four failing runs among twenty what only forty could give, and a real culprit that separated
/// every failing run from every passing one would go unnamed. A weaker candidate is only reported when it still
/// separates failing from passing runs among the executions the strongest one does not explain:
/// tests that merely tend to run early alongside the real culprit are explained away.
/// </summary>
internal sealed class OrderCauseDetector(ProcessHistory history, AnalysisOptions options) : ICauseDetector
{
    /// <summary>A test that ran before may have broken what a fixture's setup needed, too.</summary>
    public bool ReadsTheTestBody => false;

    private const int MinimumFailingWithPredecessor = 2;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        var failing = sample.Failing.Select(e => Predecessors(sample.Name, e)).ToList();
        var passing = sample.Passing.Select(e => Predecessors(sample.Name, e)).ToList();
        // One pass to count every candidate; exact tests only for those that could pass.
        var counts = new Dictionary<Predecessor, (int Failing, int Passing)>();
        foreach (var set in failing)
        {
            foreach (var candidate in set)
            {
                counts[candidate] = (counts.GetValueOrDefault(candidate).Failing + 1, counts.GetValueOrDefault(candidate).Passing);
            }
        }

        foreach (var set in passing)
        {
            foreach (var candidate in set)
            {
                counts[candidate] = (counts.GetValueOrDefault(candidate).Failing, counts.GetValueOrDefault(candidate).Passing + 1);
            }
        }

        var candidates = counts.Keys.Select(c => c.Test).Distinct(StringComparer.Ordinal).ToList();
        var flagged = counts
            .Where(c => c.Value.Failing >= MinimumFailingWithPredecessor)
            .Select(c => (Candidate: c.Key, P: (FailingWith: c.Value.Failing, PassingWith: c.Value.Passing,
                Value: FisherExactTest.GreaterPValue(c.Value.Failing, failing.Count - c.Value.Failing, c.Value.Passing, passing.Count - c.Value.Passing))))
            .Where(x => Significance.Adjust(x.P.Value, candidates.Count) <= options.Alpha)
            .OrderBy(x => x.P.Value)
            .ToList();
        var hints = new List<CauseHint>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (candidate, p) in flagged)
        {
            if (hints.Count >= options.MaxHintsPerKind || reported.Contains(candidate.Test))
            {
                continue;
            }

            if (hints.Count > 0)
            {
                var strongest = flagged[0].Candidate;
                var unexplainedFailing = failing.Where(s => !s.Contains(strongest)).ToList();
                var unexplainedPassing = passing.Where(s => !s.Contains(strongest)).ToList();
                var residual = PValue(candidate, unexplainedFailing, unexplainedPassing);
                if (residual.FailingWith < MinimumFailingWithPredecessor || Significance.Adjust(residual.Value, candidates.Count) > options.Alpha)
                {
                    continue;
                }
            }

            reported.Add(candidate.Test);
            hints.Add(Hint(candidate, p, failing.Count, passing.Count, Significance.Adjust(p.Value, candidates.Count)));
        }

        return hints;
    }

    private static CauseHint Hint(Predecessor candidate, (int FailingWith, int PassingWith, double Value) p, int failingRuns, int passingRuns, double adjusted)
    {
        int failingWith = p.FailingWith, passingWith = p.PassingWith;
        int failingWithout = failingRuns - failingWith, passingWithout = passingRuns - passingWith;
        var relation = candidate.Relation switch
        {
            PredecessorRelation.Immediate => "ran immediately before",
            PredecessorRelation.StartedBefore => "had started before",
            PredecessorRelation.SpanBeforeRead => $"ran alongside it and its {candidate.Span} had ended before the read of",
            _ => "ran before",
        };
        List<EvidenceFigure> evidence =
            [
                new("otherTest", candidate.Test),
                new("relation", candidate.Relation switch
                {
                    PredecessorRelation.Immediate => "immediately-before",
                    PredecessorRelation.StartedBefore => "started-before",
                    PredecessorRelation.SpanBeforeRead => "span-before-read",
                    _ => "before",
                }),
                new("failuresWithOther", failingWith),
                new("executionsWithOther", failingWith + passingWith),
                new("failuresWithoutOther", failingWithout),
                new("executionsWithoutOther", failingWithout + passingWithout),
                new("failureRateWithOther", Significance.Rounded((double)failingWith / Math.Max(1, failingWith + passingWith))),
                new("failureRateWithoutOther", Significance.Rounded((double)failingWithout / Math.Max(1, failingWithout + passingWithout))),
                new("pValue", adjusted),
            ];
        if (candidate.Span is not null)
        {
            evidence.Insert(2, new("otherSpan", candidate.Span));
        }

        return new CauseHint(
            CauseKind.Order,
            CauseHint.ScoreOf(adjusted),
            $"fails when {candidate.Test} {relation} it in the same test process: failed {failingWith}/{failingWith + passingWith} times with it, {failingWithout}/{failingWithout + passingWithout} without; p={Significance.PValueText(adjusted)}",
            evidence);
    }

    private static (int FailingWith, int PassingWith, double Value) PValue(Predecessor candidate, List<HashSet<Predecessor>> failing, List<HashSet<Predecessor>> passing)
    {
        var failingWith = failing.Count(s => s.Contains(candidate));
        var passingWith = passing.Count(s => s.Contains(candidate));
        var value = FisherExactTest.GreaterPValue(failingWith, failing.Count - failingWith, passingWith, passing.Count - passingWith);
        return (failingWith, passingWith, value);
    }

    private HashSet<Predecessor> Predecessors(string testName, TestExecution execution)
    {
        var set = new HashSet<Predecessor>();
        string? immediate = null;
        foreach (var predecessor in history.Before(execution))
        {
            if (predecessor.Name != testName)
            {
                set.Add(new Predecessor(predecessor.Name, PredecessorRelation.Before));
                set.Add(new Predecessor(predecessor.Name, PredecessorRelation.StartedBefore));
                immediate = predecessor.Name;
            }
        }

        foreach (var running in history.RunningAtStart(execution))
        {
            if (running.Name != testName)
            {
                set.Add(new Predecessor(running.Name, PredecessorRelation.StartedBefore));
            }
        }

        if (immediate is not null)
        {
            set.Add(new Predecessor(immediate, PredecessorRelation.Immediate));
        }

        set.UnionWith(ChangesBeforeRead.Of(history, execution));

        return set;
    }
}
