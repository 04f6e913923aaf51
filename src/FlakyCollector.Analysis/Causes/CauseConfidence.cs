namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// Sets each ranked hint's <see cref="Confidence"/> from its own figures and its rivals:
/// <list type="bullet">
/// <item><c>high</c>: adjusted p at most alpha/100 (score 4 or more at the default alpha), the
/// evidence present in at least 80% of failing runs where the hint counts runs, and no hint of
/// another kind within one score point;</item>
/// <item><c>low</c>: the test's own duration alone (no span says what was slow), or the evidence
/// in fewer than half the failing runs;</item>
/// <item><c>medium</c>: everything else that is significant.</item>
/// </list>
/// </summary>
internal static class CauseConfidence
{
    private const double HighScore = 4;
    private const double Rival = 1;

    public static List<CauseHint> Assign(List<CauseHint> ranked)
    {
        var result = new List<CauseHint>(ranked.Count);
        foreach (var hint in ranked)
        {
            var share = Share(hint);
            var rivalled = ranked.Any(other => other.Kind != hint.Kind && Math.Abs(other.Score - hint.Score) < Rival);
            var confidence = IsTestDurationOnly(hint) || share < 0.5 ? Confidence.Low
                : hint.Score >= HighScore && share >= 0.8 && !rivalled ? Confidence.High
                : Confidence.Medium;
            result.Add(hint with { Confidence = confidence });
        }

        return result;
    }

    public static bool IsTestDurationOnly(CauseHint hint) =>
        hint.Kind == CauseKind.Timing && hint.Evidence.Any(f => f.Name == "span" && (string)f.Value == "(test)");

    /// <summary>The share of failing runs that show the evidence, where the hint counts runs; 1 where it compares distributions.</summary>
    private static double Share(CauseHint hint)
    {
        var failing = Figure(hint, "failingRuns") ?? Figure(hint, "failuresWithOther") + Figure(hint, "failuresWithoutOther");
        var with = Figure(hint, "failingRunsLate") ?? Figure(hint, "failingRunsWithProblem") ?? Figure(hint, "failingRunsCancelled")
            ?? Figure(hint, "failuresWithOther") ?? Figure(hint, "failingRunsOverlapping");
        return failing is > 0 && with is not null ? with.Value / failing.Value : 1;
    }

    private static double? Figure(CauseHint hint, string name) =>
        hint.Evidence.FirstOrDefault(f => f.Name == name)?.Value switch
        {
            int i => i,
            double d => d,
            long l => l,
            _ => null,
        };
}
