using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Repro;

/// <summary>
/// Decides a verdict from the two sets of runs. <b>Confirmed</b>: the condition took effect, the
/// test failed in at least 80% of the runs with it, those failures are the traced failure, and a
/// one-sided Fisher exact test says failures are more likely with the condition than without
/// (p &lt;= 0.05). <b>Inconclusive</b>: the condition cannot be made (by its kind, or because the
/// runner would not order or overlap the tests), the test did not run, it failed without the
/// condition far more often than in the traced runs (run so, it is not the test the traces saw, and
/// the runs without cannot serve as the baseline), or the condition raised the failure rate without
/// making the failure reliable. <b>Not confirmed</b>: otherwise, including a
/// reliable failure of another kind, and a span that never started in the test.
/// </summary>
public static class ReproVerdictRule
{
    public const double ReliableShare = 0.8;

    public const double Alpha = 0.05;

    /// <summary>
    /// Whether the test failed without the condition far more often than in the traced runs (an exact
    /// binomial test against the traced rate): run so, it is not the test the traces saw.
    /// </summary>
    public static bool BaselineAboveTraced(ReproCounts without, double? tracedFailureRate) =>
        tracedFailureRate is { } traced && traced < 1 && without.Runs > 0
        && BinomialTest.UpperTail(without.Failed, without.Runs, traced) <= Alpha;

    /// <param name="tracedFailureRate">The test's failure rate in the traced runs; null where unknown.</param>
    /// <param name="inSuite">Both sides ran the whole suite, as the traces did, rather than the tests under repro alone.</param>
    public static (ReproVerdict Verdict, string Reason) Decide(ReproCounts with, ReproCounts without, bool sameFailure, ReproEffect effect, string? impossible,
        double? tracedFailureRate = null, bool inSuite = false)
    {
        if (impossible is not null)
        {
            return (ReproVerdict.Inconclusive, impossible);
        }

        if (with.Runs == 0 || without.Runs == 0)
        {
            return (ReproVerdict.Inconclusive, "the test did not run; check the test name and the dotnet test arguments");
        }

        if (effect == ReproEffect.RunnerDidNot)
        {
            return (ReproVerdict.Inconclusive, "the test runner did not run the tests as the condition needs (order or overlap), and offers no way to make it");
        }

        if (effect == ReproEffect.NeverHappened)
        {
            return (ReproVerdict.NotConfirmed, $"what the condition acts on never happened in the test ({with} failed with it, {without} without): it cannot be what fails it");
        }

        // A test that fails without the condition far more often than the traces saw it fail is not,
        // run this way, the test they saw (a cold process, the tests around it missing): the runs
        // without are no baseline, and the condition cannot be told apart from the way it was run.
        if (BaselineAboveTraced(without, tracedFailureRate))
        {
            var traced = (tracedFailureRate!.Value * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            return (ReproVerdict.Inconclusive, inSuite
                ? $"without the condition it fails in {without} runs of the whole suite, far more than the {traced}% of the traced runs: "
                    + "this machine or this code is not what the traces saw, so the runs without are no baseline"
                : $"without the condition it fails in {without} runs, far more than the {traced}% of the traced runs: "
                    + "run this way it is not the test the traces saw (a cold process, or the tests that ran around it missing), so the runs without are no baseline");
        }

        var p = FisherExactTest.GreaterPValue(with.Failed, with.Runs - with.Failed, without.Failed, without.Runs - without.Failed);
        var reliable = with.Failed >= Math.Ceiling(ReliableShare * with.Runs);
        if (reliable && p <= Alpha && sameFailure)
        {
            return (ReproVerdict.Confirmed, $"fails in {with} runs with the condition, {without} without (p={Significance.PValueText(p)})");
        }

        if (reliable && p <= Alpha)
        {
            return (ReproVerdict.NotConfirmed, "the condition makes the test fail, but not with the traced failure");
        }

        return p <= Alpha
            ? (ReproVerdict.Inconclusive, $"the condition raises the failure rate ({with} against {without}) without making the failure reliable")
            : (ReproVerdict.NotConfirmed, $"fails in {with} runs with the condition and {without} without: the condition makes no difference (p={Significance.PValueText(p)})");
    }
}
