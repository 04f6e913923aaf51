using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.History;

/// <summary>
/// Recomputes every failing test's verdict from the history itself: flaky groups from the detailed
/// runs' commits and the compacted months, causes from the kept executions. Only the detectors
/// that compare a test's own executions run here (race, timing, external); order and contention
/// need whole runs, which the history does not keep.
/// </summary>
internal static class HistoryVerdicts
{
    public static void Refresh(TestHistory history)
    {
        var options = new AnalysisOptions();
        ICauseDetector[] detectors = [new RaceCauseDetector(options), new TimingCauseDetector(options), new ExternalCauseDetector(options)];
        var flaky = CommitOutcomes.FlakyGroups(history.Runs);
        foreach (var period in history.Periods)
        {
            foreach (var (test, counts) in period.Tests)
            {
                if (counts.FlakyGroups.Count > 0)
                {
                    if (!flaky.TryGetValue(test, out var set))
                    {
                        flaky[test] = set = [];
                    }

                    set.UnionWith(counts.FlakyGroups);
                }
            }
        }

        for (var i = 0; i < history.Tests.Count; i++)
        {
            var test = history.Tests[i];
            if (!flaky.TryGetValue(i, out var groups))
            {
                test.Verdict = test.Groups.Count == 0 ? null : new HistoryVerdict([], [], test.Failing.Count, test.Passing.Count);
                continue;
            }

            var causes = new List<CauseHint>();
            if (test.Failing.Count > 0 && test.Passing.Count > 0)
            {
                var sample = new FlakySample(test.Identity.Name, test.Failing, test.Passing);
                causes = CauseOrder.Rank(detectors.SelectMany(d => d.Detect(sample)));
            }

            if (causes.Count == 0)
            {
                causes.Add(CauseHint.None(test.Failing.Count, test.Passing.Count));
            }

            test.Verdict = new HistoryVerdict([.. groups.Select(g => test.Groups[g].Shape)], causes, test.Failing.Count, test.Passing.Count);
        }
    }
}
