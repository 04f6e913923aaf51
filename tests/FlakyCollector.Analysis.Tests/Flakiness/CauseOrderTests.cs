using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Tests.Flakiness;

public sealed class CauseOrderTests
{
    [Fact]
    public void Rank_RaceScoresBelowTiming_RaceStillComesFirst()
    {
        var ranked = CauseOrder.Rank([Hint(CauseKind.Race, 7.7), Hint(CauseKind.Timing, 11.3), Hint(CauseKind.External, 12)]);

        Assert.Equal([CauseKind.External, CauseKind.Race, CauseKind.Timing], ranked.Select(h => h.Kind));
    }

    [Fact]
    public void Rank_NoRace_StrongestFirst() =>
        Assert.Equal([CauseKind.Order, CauseKind.Timing], CauseOrder.Rank([Hint(CauseKind.Timing, 3), Hint(CauseKind.Order, 4)]).Select(h => h.Kind));

    private static CauseHint Hint(CauseKind kind, double score) => new(kind, score, kind.ToString(), []);
}
