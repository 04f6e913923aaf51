using System.Diagnostics;
using FlakyCollector.Tracing;

namespace FlakyCollector.Recording;

/// <summary>
/// Which of the recordings filed under one test case's key are its attempts, when the runner
/// reports it once with one outcome. The reported attempt is the last whose outcome, where the hook
/// knows it, agrees with the runner's; before it, only recordings that positively failed are its
/// retries (a framework retries failures, and reports the last attempt). Any other recording is
/// not this test case's: a case of the same name that has not been reported yet (NUnit cases whose
/// arguments print alike, MSTest rows with one display name), or one the runner left out. Such a
/// case that failed before this one passed cannot be told from a retry by outcomes; the end-time
/// bound, where the runner gives it, keeps out the cases that ran after this one.
/// </summary>
internal static class TestCaseAttempts
{
    /// <summary>The retries, oldest first, then the reported attempt; empty where nothing is a candidate.</summary>
    /// <param name="filed">What ended under the key, in the order the hooks ended it.</param>
    /// <param name="outcome">The runner's outcome of the test case.</param>
    /// <param name="startedBy">
    /// When the test case ended (UTC), where the runner says: a recording that started later is a
    /// later case's.
    /// </param>
    public static List<RecordedTest> Select(IReadOnlyList<RecordedTest> filed, string outcome, DateTime startedBy)
    {
        var candidates = new List<RecordedTest>(filed.Count);
        foreach (var recording in filed)
        {
            if (recording.Stopped.StartTimeUtc <= startedBy)
            {
                candidates.Add(recording);
            }
        }

        if (candidates.Count <= 1)
        {
            // Ran once, as nearly every test does: that recording is the reported one, whatever its outcome.
            return candidates;
        }

        var wanted = OutcomeClass(outcome);
        var reported = candidates.FindLastIndex(t => HookOutcome(t) is var c && (c == wanted || c == "unknown"));
        reported = reported < 0 ? candidates.Count - 1 : reported;
        var taken = new List<RecordedTest>(reported + 1);
        for (var i = 0; i < reported; i++)
        {
            if (HookOutcome(candidates[i]) == "fail")
            {
                taken.Add(candidates[i]);
            }
        }

        taken.Add(candidates[reported]);
        return taken;
    }

    /// <summary>
    /// The coarse outcome a hook's tag, a framework's <c>test.case.result.status</c> or a runner's
    /// outcome stands for: pass, fail, or other.
    /// </summary>
    public static string OutcomeClass(string? outcome) =>
        string.IsNullOrEmpty(outcome) ? "unknown"
        : Is(outcome, "passed") || Is(outcome, "pass") || Is(outcome, "warning") ? "pass"
        : Is(outcome, "failed") || Is(outcome, "fail") || Is(outcome, "error") || Is(outcome, "timeout") || Is(outcome, "aborted") ? "fail"
        : "other";

    /// <summary>
    /// What the recording says of its own outcome: our hooks' tag (NUnit, MSTest), else the
    /// framework's own semantic-convention tag (TUnit tags each attempt), else an error status.
    /// </summary>
    private static string HookOutcome(RecordedTest recording)
    {
        var stopped = recording.Stopped;
        var outcome = OutcomeClass((stopped.Tag(TestActivityNames.OutcomeTag) ?? stopped.Tag(TestAttributeNames.CaseResultStatus)) as string);
        return outcome == "unknown" && stopped.Status == ActivityStatusCode.Error ? "fail" : outcome;
    }

    private static bool Is(string outcome, string name) => string.Equals(outcome, name, StringComparison.OrdinalIgnoreCase);
}
