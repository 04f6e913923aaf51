using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Tests.Statistics;

public sealed class RankComparisonTests
{
    [Fact]
    public void Compare_CompleteSeparation_ProbabilityOneAndSmallP()
    {
        var result = RankComparison.Compare([10.0, 11, 12, 13, 14, 15], [1.0, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Equal(1.0, result.ProbabilityGreater);
        // Exact one-sided p for complete separation of 6 vs 8 is 1/C(14,6) = 3.3e-4; the normal
        // approximation with continuity correction lands close to it.
        Assert.InRange(result.PValue, 1e-4, 1.5e-3);
    }

    [Fact]
    public void Compare_SameValues_ProbabilityHalfAndLargeP()
    {
        var result = RankComparison.Compare([5.0, 5, 5], [5.0, 5, 5, 5]);

        Assert.Equal(0.5, result.ProbabilityGreater);
        Assert.True(result.PValue >= 0.5);
    }

    [Fact]
    public void Compare_FirstSmaller_LargeOneSidedP()
    {
        var result = RankComparison.Compare([1.0, 2, 3], [10.0, 11, 12]);

        Assert.Equal(0.0, result.ProbabilityGreater);
        Assert.True(result.PValue > 0.9);
    }

    [Fact]
    public void Compare_KnownCase_MatchesTextbookU()
    {
        // 4 beats 2 and 3, 6 beats 2 and 3 and ties 6: U = 4.5 of 3 * 3 pairs.
        var result = RankComparison.Compare([1.0, 4, 6], [2.0, 3, 6]);

        Assert.Equal(4.5 / 9, result.ProbabilityGreater, 9);
    }

    [Fact]
    public void Compare_EmptySample_IsUninformative() => Assert.Equal(1, RankComparison.Compare([], [1.0]).PValue);
}
