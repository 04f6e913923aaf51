using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Orders a test's hints strongest first, with one exception: a <c>race</c> comes before any
/// <c>timing</c> hint. Late work is also slow work, so both often hold, and the rank test behind
/// <c>timing</c> usually scores higher than the count behind <c>race</c>; but "it was slower" does
/// not say what to fix, while "the test does not wait for what it started" does.
/// </summary>
internal static class CauseOrder
{
    public static List<CauseHint> Rank(IEnumerable<CauseHint> hints)
    {
        var ranked = hints.OrderByDescending(h => h.Score).ToList();
        var races = ranked.Where(h => h.Kind == CauseKind.Race).ToList();
        var firstTiming = ranked.FindIndex(h => h.Kind == CauseKind.Timing);
        if (races.Count == 0 || firstTiming < 0 || firstTiming > ranked.IndexOf(races[0]))
        {
            return ranked;
        }

        ranked.RemoveAll(h => h.Kind == CauseKind.Race);
        ranked.InsertRange(firstTiming, races);
        return ranked;
    }
}
