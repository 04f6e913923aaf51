using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>Builds the side-by-side <see cref="OutcomeProfile"/> of a set of executions.</summary>
internal static class OutcomeProfiler
{
    public static OutcomeProfile Profile(IReadOnlyList<TestExecution> executions, IEnumerable<string> labels)
    {
        var durations = Quantiles.Sorted(executions.Select(e => (double)e.DurationNanos));
        var profiles = new List<LabelProfile>();
        foreach (var label in labels)
        {
            var times = new List<double>();
            var errors = 0;
            var codes = new SortedDictionary<int, int>();
            foreach (var execution in executions)
            {
                foreach (var child in execution.ChildSpans)
                {
                    if (child.Label != label)
                    {
                        continue;
                    }

                    times.Add(child.TotalNanos);
                    errors += child.Errors;
                    if (child.HttpStatusCode > 0)
                    {
                        codes[child.HttpStatusCode] = codes.GetValueOrDefault(child.HttpStatusCode) + 1;
                    }
                }
            }

            var median = times.Count == 0 ? 0 : Quantiles.Median(Quantiles.Sorted(times));
            profiles.Add(new LabelProfile(label, times.Count, executions.Count == 0 ? 0 : Math.Round((double)times.Count / executions.Count, 3), Ms(median), errors, codes));
        }

        return new OutcomeProfile(executions.Count, Ms(Quantiles.Median(durations)), Ms(Quantiles.Of(durations, 0.95)), profiles);
    }

    private static double Ms(double nanos) => double.IsNaN(nanos) ? 0 : Math.Round(nanos / 1e6, 1);
}
