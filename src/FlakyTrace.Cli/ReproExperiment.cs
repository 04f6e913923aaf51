using System.Diagnostics;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>
/// One experiment: the tests under repro run <c>runs</c> times with the condition and as many
/// times without, alternating so that both sides meet the same machine load, each run traced into
/// a folder of its own. The run settings file with the condition stays, for the developer to keep.
/// </summary>
internal sealed class ReproExperiment(ReproSession session, ReproCondition condition, IReadOnlyList<TestSummary> members, string directory)
{
    public IReadOnlyList<ReproResult>? Run(int runs, TextWriter error)
    {
        if (condition.Impossible is not null)
        {
            return [.. members.Select(m => Result(m, new ReproTally(m.Name), new ReproTally(m.Name), ReproEffect.TookEffect, ""))];
        }

        Directory.CreateDirectory(directory);
        var withSettings = Path.Combine(directory, "with.runsettings");
        var withoutSettings = Path.Combine(directory, "without.runsettings");
        ReproRunSettings.Write(withSettings, session.UserSettings, condition.Injection, condition.Serial);
        ReproRunSettings.Write(withoutSettings, session.UserSettings, null);
        IReadOnlyList<string>? withTests = condition.WholeSuite ? null : [.. condition.Tests, .. condition.Companions];
        var with = members.ToDictionary(m => m.Name, m => new ReproTally(m.Name));
        var without = members.ToDictionary(m => m.Name, m => new ReproTally(m.Name));
        var effect = new List<ReproRun>();
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= runs; i++)
        {
            foreach (var (side, settings, tests, tallies) in new[] { ("with", withSettings, withTests, with), ("without", withoutSettings, condition.Tests, without) })
            {
                var folder = Path.Combine(directory, $"{side}-{i}");
                if (session.RunOnce(folder, settings, tests, $"{side} {i}/{runs}", error) is not { } run)
                {
                    return null;
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
        return [.. members.Select(m => Result(m, with[m.Name], without[m.Name], Effect(effect, m.Name), session.CommandLine(withSettings, withTests)))];
    }

    private ReproEffect Effect(List<ReproRun> runs, string test) => condition.Kind switch
    {
        // Order and contention act on which tests run when, not on a span: what counts is whether the runs ran them so.
        CauseKind.Order => runs.Any(r => condition.Companions.Any(p => r.RanBefore(p, test))) ? ReproEffect.TookEffect : ReproEffect.RunnerDidNot,
        CauseKind.Contention => runs.Any(r => r.Overlapped(test, condition.WholeSuite ? null : condition.Companions)) ? ReproEffect.TookEffect : ReproEffect.RunnerDidNot,
        _ when condition.Injection is not null => runs.Any(r => r.Injected) ? ReproEffect.TookEffect : ReproEffect.NeverHappened,
        _ => ReproEffect.TookEffect,
    };

    private ReproResult Result(TestSummary member, ReproTally with, ReproTally without, ReproEffect effect, string command)
    {
        var sameFailure = with.SameFailureAs(member.TopError);
        var (verdict, reason) = ReproVerdictRule.Decide(with.Counts, without.Counts, sameFailure, effect, condition.Impossible, member.FailureRate);
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
            Cluster = [.. condition.Tests.Where(t => t != member.Name)],
        };
    }
}
