using FlakyCollector.Analysis.Repro;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>repro's result for a test, in the one line every report shows under the test's causes.</summary>
public static class ReproText
{
    public static string Line(ReproResult result) => result.Verdict switch
    {
        ReproVerdict.Confirmed => $"confirmed by repro: failed {result.With} runs with the condition, {result.Without} without{Same(result)} ({result.Cause})",
        ReproVerdict.NotConfirmed => $"not confirmed by repro: failed {result.With} runs with the condition, {result.Without} without{Same(result)}; {result.Reason}",
        _ => $"repro inconclusive: {result.Reason}",
    };

    private static string Same(ReproResult result) => result.With.Failed == 0 ? "" : result.SameFailure ? ", the traced failure" : ", another failure";
}
