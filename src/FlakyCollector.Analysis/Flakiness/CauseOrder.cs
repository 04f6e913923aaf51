using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Orders a test's hints strongest first, with two exceptions. The test's own duration, with no
/// span that says what was slow, comes after every other hint: a failure makes a test span longer
/// by itself (the assertion, the exception, a fixture's interval), so it is the weakest evidence.
/// A <c>contention</c> that names the holders of what a wait waited for comes before <c>timing</c>
/// about that same wait: the wait was long because others held it. A count of tests, or one test
/// that merely ran at that moment, does not outrank a direct timing measure of the wait: on a busy
/// machine a slow call and a crowd come together. Such a contention also comes before <c>order</c>:
/// in a parallel suite, which tests ran before is part of the schedule that decides who holds the
/// resource at the wait, while the holders at that moment are the mechanism. And a <c>race</c> comes before any
/// <c>timing</c> hint. Late work is also slow work, so both often hold, and the rank test behind
/// <c>timing</c> usually scores higher than the count behind <c>race</c>; but "it was slower" does
/// not say what to fix, while "the test does not wait for what it started" does.
/// </summary>
internal static class CauseOrder
{
    public static List<CauseHint> Rank(IEnumerable<CauseHint> hints)
    {
        var all = hints.ToList();
        var waits = all.Where(h => h.Kind == CauseKind.Contention && h.Evidence.Any(f => f.Name == "holders")).Select(h => h.Evidence.FirstOrDefault(f => f.Name == "measuredAt")?.Value as string).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ranked = all.OrderBy(CauseConfidence.IsTestDurationOnly)
            .ThenBy(h => h.Kind == CauseKind.Timing && h.Evidence.FirstOrDefault(f => f.Name == "span")?.Value is string span && waits.Contains(span))
            .ThenBy(h => h.Kind == CauseKind.Order && waits.Count > 0)
            .ThenByDescending(h => h.Score)
            .ToList();
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
