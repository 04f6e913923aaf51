using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// <c>log</c>: a log template (the record's message template, numbers, ids and times masked) is in
/// a larger share of failing runs than of passing runs, or in a larger share of passing runs (a
/// line whose absence goes with the failure: "cache refreshed" missing). Flagged when a one-sided
/// Fisher exact test, adjusted for the number of templates seen in the test's runs, is significant
/// and at least two runs on the telling side show it. Lines in every run, or in none of one side
/// and few of the other, say nothing and are not candidates.
/// </summary>
internal sealed class LogTemplateCauseDetector(AnalysisOptions options) : ICauseDetector
{
    private const int MinimumRunsWithLine = 2;

    public IEnumerable<CauseHint> Detect(FlakySample sample)
    {
        int failingRuns = sample.Failing.Count, passingRuns = sample.Passing.Count;
        var templates = sample.Failing.Concat(sample.Passing).SelectMany(e => e.LogTemplates).Distinct(StringComparer.Ordinal).ToList();
        var hints = new List<CauseHint>();
        foreach (var template in templates)
        {
            var failingWith = sample.Failing.Count(e => e.LogTemplates.Contains(template));
            var passingWith = sample.Passing.Count(e => e.LogTemplates.Contains(template));
            var inFailing = (double)failingWith / Math.Max(1, failingRuns) > (double)passingWith / Math.Max(1, passingRuns);
            var telling = inFailing ? failingWith : passingWith;
            if (telling < MinimumRunsWithLine || (failingWith == failingRuns && passingWith == passingRuns))
            {
                continue;
            }

            var p = inFailing
                ? FisherExactTest.GreaterPValue(failingWith, failingRuns - failingWith, passingWith, passingRuns - passingWith)
                : FisherExactTest.GreaterPValue(passingWith, passingRuns - passingWith, failingWith, failingRuns - failingWith);
            var adjusted = Significance.Adjust(p, templates.Count);
            if (adjusted > options.Alpha)
            {
                continue;
            }

            var where = inFailing ? "logged in" : "missing from";
            var (failingShown, passingShown) = inFailing ? (failingWith, passingWith) : (failingRuns - failingWith, passingRuns - passingWith);
            hints.Add(new CauseHint(
                CauseKind.Log,
                CauseHint.ScoreOf(adjusted),
                $"\"{template}\" {where} {failingShown}/{failingRuns} failing runs vs {passingShown}/{passingRuns} passing runs; p={Significance.PValueText(adjusted)}",
                [
                    new("template", template),
                    new("inFailingRuns", inFailing),
                    new("failingRunsWithLine", failingWith),
                    new("failingRuns", failingRuns),
                    new("passingRunsWithLine", passingWith),
                    new("passingRuns", passingRuns),
                    new("pValue", adjusted),
                ]));
        }

        return hints.OrderByDescending(h => h.Score).Take(options.MaxHintsPerKind);
    }
}
