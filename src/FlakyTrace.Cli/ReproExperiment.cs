using System.Diagnostics;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>
/// One experiment: the tests under repro run <c>runs</c> times with the condition and as many
/// times without, alternating so that both sides meet the same machine load, each run traced into
/// a folder of its own. The run settings file with the condition stays, for the developer to keep.
/// A test that, run alone, fails without the condition far more often than in the traces (a cold
/// process: the tests that ran before it in the suite warmed what it uses) is not the test the traces
/// saw; where the condition is injected into the test, the experiment runs again with both sides
/// running the whole suite, as traced, the condition on the tests under repro only.
/// </summary>
internal sealed class ReproExperiment(ReproSession session, ReproCondition condition, IReadOnlyList<TestSummary> members, string directory)
{
    public IReadOnlyList<ReproResult>? Run(int runs, TextWriter error)
    {
        if (condition.Impossible is not null)
        {
            return [.. members.Select(m => Result(m, new ReproTally(m.Name), new ReproTally(m.Name), ReproEffect.TookEffect, "", alone: null))];
        }

        Directory.CreateDirectory(directory);
        if (RunBothSides(runs, inSuite: condition.WholeSuite, error) is not { } first)
        {
            return null;
        }

        if (!InSuiteWhenAloneIsNoBaseline(condition, members.Select(m => (first.Without[m.Name].Counts, (double?)m.FailureRate))))
        {
            return [.. members.Select(m => Result(m, first.With[m.Name], first.Without[m.Name], first.Effect(m.Name), first.Command, alone: null, first.Repeated))];
        }

        error.WriteLine($"flakytrace: alone, without the condition, it failed far more often than in the traced runs ({string.Join(", ", members.Select(m => $"{first.Without[m.Name].Counts} against {m.FailureRate:P0}"))}): "
            + "running the experiment again among the whole suite, as traced, the condition on the tests under repro only");
        if (RunBothSides(runs, inSuite: true, error) is not { } suite)
        {
            return null;
        }

        return [.. members.Select(m => Result(m, suite.With[m.Name], suite.Without[m.Name], suite.Effect(m.Name), suite.Command, alone: first.Without[m.Name].Counts, suite.Repeated))];
    }

    /// <summary>
    /// Whether to run the experiment again in the whole suite: some test under repro, run alone, failed
    /// without the condition far more often than in the traces, and the condition is injected into the
    /// test itself. Order and contention are not: their runs without are the test alone by design.
    /// </summary>
    internal static bool InSuiteWhenAloneIsNoBaseline(ReproCondition condition, IEnumerable<(ReproCounts Without, double? TracedFailureRate)> alone) =>
        condition is { Injection: not null, WholeSuite: false, Serial: false, Companions.Count: 0 }
        && alone.Any(a => ReproVerdictRule.BaselineAboveTraced(a.Without, a.TracedFailureRate));

    private BothSides? RunBothSides(int runs, bool inSuite, TextWriter error)
    {
        var prefix = inSuite && !condition.WholeSuite ? "suite-" : "";
        var withSettings = Path.Combine(directory, $"{prefix}with.runsettings");
        var withoutSettings = Path.Combine(directory, $"{prefix}without.runsettings");
        ReproRunSettings.Write(withSettings, session.UserSettings, condition.Injection, condition.Serial);
        ReproRunSettings.Write(withoutSettings, session.UserSettings, null);
        IReadOnlyList<string>? withTests = inSuite ? null : [.. condition.Tests, .. condition.Companions];
        IReadOnlyList<string>? withoutTests = inSuite && !condition.WholeSuite ? null : condition.Tests;
        var with = members.ToDictionary(m => m.Name, m => new ReproTally(m.Name));
        var without = members.ToDictionary(m => m.Name, m => new ReproTally(m.Name));
        var effect = new List<ReproRun>();
        var repeated = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= runs; i++)
        {
            foreach (var (side, settings, tests, tallies) in new[] { ("with", withSettings, withTests, with), ("without", withoutSettings, withoutTests, without) })
            {
                var folder = Path.Combine(directory, $"{prefix}{side}-{i}");
                if (session.RunOnce(folder, settings, tests, $"{prefix}{side} {i}/{runs}", error) is not { } run)
                {
                    return null;
                }

                // The runner picks the order: a run with the test under repro before its predecessor (the class's
                // own order, which the condition cannot change) did not have the condition, and is run again, at
                // most as many times in all as there are runs.
                while (side == "with" && !HadOrder(run) && repeated < runs)
                {
                    repeated++;
                    error.WriteLine($"flakytrace: {prefix}with {i}/{runs}: the runner ran the test before {string.Join(", ", condition.Companions)}; running it again");
                    if (session.RunOnce($"{folder}-again-{repeated}", settings, tests, $"{prefix}with {i}/{runs}, again", error) is not { } again)
                    {
                        return null;
                    }

                    run = again;
                }

                foreach (var tally in tallies.Values)
                {
                    tally.Add(run);
                }

                if (side == "with")
                {
                    effect.Add(run);
                }
            }
        }

        error.WriteLine($"flakytrace: {runs * 2} runs in {watch.Elapsed.TotalSeconds:0} s; kept in {directory}");
        return new BothSides(with, without, test => Effect(effect, test), session.CommandLine(withSettings, withTests), repeated);
    }

    /// <summary>Whether a run with an order condition had it: each test under repro ran after a predecessor. Any other condition: true.</summary>
    private bool HadOrder(ReproRun run) =>
        condition.Kind != CauseKind.Order || condition.Companions.Count == 0
        || condition.Tests.All(test => run.Final(test) is null || condition.Companions.Any(p => run.RanBefore(p, test)));

    private ReproEffect Effect(List<ReproRun> runs, string test) => condition.Kind switch
    {
        // Order and contention act on which tests run when, not on a span: what counts is whether the runs ran them so.
        CauseKind.Order => runs.Any(r => condition.Companions.Any(p => r.RanBefore(p, test))) ? ReproEffect.TookEffect : ReproEffect.RunnerDidNot,
        CauseKind.Contention => runs.Any(r => r.Overlapped(test, condition.WholeSuite ? null : condition.Companions)) ? ReproEffect.TookEffect : ReproEffect.RunnerDidNot,
        _ when condition.Injection is not null => runs.Any(r => r.Injected) ? ReproEffect.TookEffect : ReproEffect.NeverHappened,
        _ => ReproEffect.TookEffect,
    };

    private ReproResult Result(TestSummary member, ReproTally with, ReproTally without, ReproEffect effect, string command, ReproCounts? alone, int repeated = 0)
    {
        var sameFailure = with.SameFailureAs(member.TopError);
        var (verdict, reason) = ReproVerdictRule.Decide(with.Counts, without.Counts, sameFailure, effect, condition.Impossible, member.FailureRate, inSuite: alone is not null);
        if (repeated > 0)
        {
            reason += $" ({repeated} {(repeated == 1 ? "run" : "runs")} with the condition repeated: the runner had run the test before its predecessor)";
        }

        return new ReproResult
        {
            Name = member.Name,
            Cause = condition.Cause,
            Verdict = verdict,
            Reason = reason,
            With = with.Counts,
            Without = without.Counts,
            SameFailure = sameFailure,
            Repro = command,
            TracedFailureRate = member.FailureRate,
            InSuite = alone is not null,
            Alone = alone,
            Cluster = [.. condition.Tests.Where(t => t != member.Name)],
        };
    }

    /// <summary>The tallies of one run of both sides, per test under repro, and the command that reproduces the side with the condition.</summary>
    /// <param name="Repeated">Runs with the condition that were run again because the runner ran the test before its predecessor.</param>
    private sealed record BothSides(Dictionary<string, ReproTally> With, Dictionary<string, ReproTally> Without, Func<string, ReproEffect> Effect, string Command, int Repeated);
}
