using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.History;

namespace FlakyCollector.Analysis.Gate;

/// <summary>Known flaky tests that passed now and in each of their runs before, back to <c>runs</c> runs: maybe fixed.</summary>
internal static class GateFixes
{
    public static List<MaybeFixed> Find(TestHistory history, List<HistoryRun> past, List<TestIdentity> passedNow, int runs)
    {
        var found = new List<MaybeFixed>();
        foreach (var identity in passedNow)
        {
            if (!history.TryFind(identity, out var index) || history.Tests[index].Verdict is not { Flaky: true } verdict)
            {
                continue;
            }

            var streak = HistoryTestView.Newest(past, index).TakeWhile(r => !r.Failed).ToList();
            if (streak.Count + 1 < runs)
            {
                continue;
            }

            var first = streak.Count > 0 ? streak[^1].Run : null;
            found.Add(new MaybeFixed(identity.Name, identity.Service, identity.Runtime, streak.Count + 1, first?.StartMs ?? 0, first?.Commit, verdict.Causes.FirstOrDefault()?.Summary));
        }

        return [.. found.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
