using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Orders a test's hints strongest first, with two exceptions. The test's own duration, with no
/// span that says what was slow, comes after every other hint: a failure makes a test span longer
/// by itself (the assertion, the exception, a fixture's interval), so it is the weakest evidence.
/// And a <c>race</c> comes before any
/// <c>timing</c> hint. Late work is also slow work, so both often hold, and the rank test behind
/// <c>timing</c> usually scores higher than the count behind <c>race</c>; but "it was slower" does
/// not say what to fix, while "the test does not wait for what it started" does.
/// </summary>
internal static class CauseOrder
{
    public static List<CauseHint> Rank(IEnumerable<CauseHint> hints)
    {
        var ranked = hints.OrderBy(CauseConfidence.IsTestDurationOnly).ThenByDescending(h => h.Score).ToList();
        var races = ranked.Where(h => h.Kind == CauseKind.Race).ToList();
        var firstTiming = ranked.FindIndex(h => h.Kind == CauseKind.Timing);
        if (races.Count == 0 || firstTiming < 0 || firstTiming > ranked.IndexOf(races[0]))
        {
            return CauseConfidence.Assign(ranked);
        }

        ranked.RemoveAll(h => h.Kind == CauseKind.Race);
        ranked.InsertRange(firstTiming, races);
        return CauseConfidence.Assign(ranked);
    }
}
