using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.History;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Gate;

/// <summary>
/// Classifies every test that failed in the runs under the gate against the branch's history:
/// <list type="bullet">
/// <item><b>known</b>: quarantined, or it passed and failed before on one commit with the same
/// message group (masked as the analysis groups messages), or it passed on a retry in this run;</item>
/// <item><b>broken</b>: it failed in each of its last <see cref="GateOptions.BrokenRuns"/> runs;</item>
/// <item><b>new</b>: anything else: it never failed before, or its message group was never seen,
/// or it failed before with it but never passed on the same commit.</item>
/// </list>
/// Runs under the gate that the history already holds (the gate run after <c>history add</c>) are left out of the history's side.
/// </summary>
public static class GateClassifier
{
    public static GateReport Classify(TestHistory history, TraceCorpus current, IReadOnlyList<QuarantineEntry> quarantine, GateOptions? options = null)
    {
        options ??= new GateOptions();
        var currentRuns = current.Executions.Select(e => e.RunId).ToHashSet(StringComparer.Ordinal);
        var past = history.Runs.Where(r => !currentRuns.Contains(r.Id)).ToList();
        var byTest = current.Executions
            .GroupBy(e => new TestIdentity(e.ServiceName, e.Runtime, e.Name))
            .ToList();
        var failures = new List<GateFailure>();
        var passedNow = new List<TestIdentity>();
        foreach (var test in byTest)
        {
            var failed = test.Where(e => e.Outcome == TestOutcome.Failed).MaxBy(e => e.StartNanos);
            if (failed is null)
            {
                if (test.Any(e => e.Outcome == TestOutcome.Passed))
                {
                    passedNow.Add(test.Key);
                }

                continue;
            }

            var retried = test.Any(e => e.Outcome == TestOutcome.Passed);
            failures.Add(Classify(history, past, test.Key, failed, retried, quarantine, options));
        }

        var ordered = failures
            .OrderBy(f => f.Class)
            .ThenBy(f => f.Service, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Runtime, StringComparer.Ordinal)
            .ToList();
        var fixedTests = GateFixes.Find(history, past, passedNow, options.FixedAfterRuns);
        return new GateReport(ordered, fixedTests, currentRuns.Count, history.RunCount - (history.Runs.Count - past.Count), byTest.Count);
    }

    private static GateFailure Classify(TestHistory history, List<HistoryRun> past, TestIdentity identity, TestExecution failed, bool retried, IReadOnlyList<QuarantineEntry> quarantine, GateOptions options)
    {
        var headline = FailureHeadlines.Headline(failed.ErrorType, failed.ErrorMessage);
        var shape = FailureShape.Of(headline);
        GateFailure Make(FailureClass kind, string reason, CauseHint? cause = null, long? sinceMs = null, string? sinceCommit = null) =>
            new(identity.Name, identity.Service, identity.Runtime, kind, headline, reason, cause, sinceMs, sinceCommit);

        var quarantined = quarantine.FirstOrDefault(q => q.Matches(identity.Name, identity.Service, identity.Runtime));
        if (quarantined is not null)
        {
            var kind = Enum.TryParse<CauseKind>(quarantined.Cause, ignoreCase: true, out var k) ? k : CauseKind.None;
            return Make(FailureClass.Known, "quarantined", new CauseHint(kind, 0, quarantined.Summary, []), quarantined.FirstSeen?.ToUnixTimeMilliseconds());
        }

        if (!history.TryFind(identity, out var index))
        {
            return retried
                ? Make(FailureClass.Known, "not in the history, but passed on a retry in this run")
                : Make(FailureClass.New, "not in the history: it never ran before on this branch");
        }

        var test = history.Tests[index];
        var streak = HistoryTestView.Newest(past, index).TakeWhile(r => r.Failed).ToList();
        var recent = HistoryTestView.Newest(past, index).Take(options.BrokenRuns).ToList();
        if (recent.Count >= 2 && recent.All(r => r.Failed))
        {
            var first = streak[^1].Run;
            return Make(FailureClass.Broken, $"failed in each of its last {streak.Count} runs", null, first.StartMs, first.Commit);
        }

        var group = test.Groups.FindIndex(g => g.Shape == shape);
        var verdict = test.Verdict;
        if (group >= 0 && verdict is not null && verdict.FlakyGroups.Contains(shape))
        {
            return Make(FailureClass.Known, "passed and failed before on one commit with this message", verdict.Causes.FirstOrDefault(), test.Groups[group].FirstSeenMs);
        }

        if (retried)
        {
            return Make(FailureClass.Known, "passed on a retry in this run", verdict?.Causes.FirstOrDefault());
        }

        return group >= 0
            ? Make(FailureClass.New, $"failed before with this message ({Figures(test.Groups[group])}), but never passed and failed on one commit")
            : test.Groups.Count > 0
                ? Make(FailureClass.New, $"a message never seen before; it failed before with: {test.Groups[^1].Example}")
                : Make(FailureClass.New, "never failed before on this branch");
    }

    private static string Figures(FailureGroup group) =>
        $"first seen {DateTimeOffset.FromUnixTimeMilliseconds(group.FirstSeenMs):yyyy-MM-dd}";
}
